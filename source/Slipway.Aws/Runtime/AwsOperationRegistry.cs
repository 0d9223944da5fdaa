using System.Reflection;

namespace Slipway.Aws.Runtime;

/// <summary>Every operation the clients can call, found from their declarations.</summary>
internal static class AwsOperationRegistry
{
    public static IReadOnlyList<AwsOperation> All { get; } = typeof(AwsOperation).Assembly
        .GetTypes()
        .SelectMany(type => type.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
        .Where(field => field.FieldType == typeof(AwsOperation))
        .Select(field => (AwsOperation)field.GetValue(null)!)
        .Distinct()
        .OrderBy(operation => operation.Action, StringComparer.Ordinal)
        .ToList();

    /// <summary>The IAM actions the clients need: the calls themselves and what their results are used for.</summary>
    public static IReadOnlySet<string> RequiredActions { get; } = All
        .SelectMany(operation => operation.AlsoRequires.Prepend(operation.Action))
        .ToHashSet(StringComparer.Ordinal);
}
