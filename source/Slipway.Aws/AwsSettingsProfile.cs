using System.Globalization;
using System.Text.Json;

namespace Slipway.Aws;

/// <summary>
/// Reads <see cref="AwsSettings"/> from build parameters: the keys of <c>.nuke/parameters.aws.json</c>
/// (AwsRegion, AwsCluster, ...), or the same names given on the command line or in the environment.
/// Keys without the Aws prefix ($schema, Platform, ...) are not AWS settings and are left alone.
/// </summary>
public static class AwsSettingsProfile
{
    /// <summary>Reads a parameters file's JSON object; arrays become comma-separated lists.</summary>
    public static AwsSettings FromJson(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var values = document.RootElement.EnumerateObject().ToDictionary(
            property => property.Name,
            property => (string?)(property.Value.ValueKind switch
            {
                JsonValueKind.Array => string.Join(",", property.Value.EnumerateArray().Select(item => item.ToString())),
                JsonValueKind.Null => null,
                _ => property.Value.ToString(),
            }),
            StringComparer.OrdinalIgnoreCase);
        return FromParameters(values);
    }

    /// <summary>Reads parameter values given as text; lists are comma-separated.</summary>
    public static AwsSettings FromParameters(IReadOnlyDictionary<string, string?> parameters)
    {
        string? Text(string key) => parameters.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        var defaults = new AwsSettings();
        return new AwsSettings
        {
            Region = Text("AwsRegion"),
            Cluster = Text("AwsCluster") ?? "",
            Subnets = List(Text("AwsSubnets")),
            SecurityGroups = List(Text("AwsSecurityGroups")),
            AssignPublicIp = Flag("AwsAssignPublicIp", Text("AwsAssignPublicIp")) ?? defaults.AssignPublicIp,
            ExecutionRoleArn = Text("AwsExecutionRoleArn") ?? "",
            TaskRoleArn = Text("AwsTaskRoleArn"),
            LogGroup = Text("AwsLogGroup") ?? defaults.LogGroup,
            LogRetentionDays = Number("AwsLogRetentionDays", Text("AwsLogRetentionDays")) ?? defaults.LogRetentionDays,
            EcrRepository = Text("AwsEcrRepository") ?? "",
            HostedZone = Text("AwsHostedZone"),
            Domain = Text("AwsDomain"),
            PlaygroundAddress = Address(Text("AwsPlaygroundAddress")) ?? defaults.PlaygroundAddress,
            TestsSize = Size("AwsTests", Text, defaults.TestsSize),
            AnalysisSize = Size("AwsAnalysis", Text, defaults.AnalysisSize),
            PlaygroundSize = Size("AwsPlayground", Text, defaults.PlaygroundSize),
            TaskTimeout = Duration("AwsTaskTimeout", Text("AwsTaskTimeout")) ?? defaults.TaskTimeout,
            PlaygroundStartTimeout = Duration("AwsPlaygroundStartTimeout", Text("AwsPlaygroundStartTimeout")) ?? defaults.PlaygroundStartTimeout,
            RegistryHost = Text("AwsRegistryHost"),
            PlaygroundProbeUrl = Text("AwsPlaygroundProbeUrl") is { } probe
                ? Uri.TryCreate(probe, UriKind.Absolute, out var uri) ? uri : throw Invalid("AwsPlaygroundProbeUrl", probe, "an absolute URL")
                : null,
            LogPageSize = Number("AwsLogPageSize", Text("AwsLogPageSize")),
            UnreachableBudget = Duration("AwsUnreachableBudget", Text("AwsUnreachableBudget")) ?? defaults.UnreachableBudget,
        };
    }

    private static IReadOnlyList<string> List(string? text) =>
        text is null ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static bool? Flag(string key, string? text) =>
        text is null ? null : bool.TryParse(text, out var flag) ? flag : throw Invalid(key, text, "true or false");

    private static int? Number(string key, string? text) =>
        text is null ? null : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Invalid(key, text, "a whole number");

    private static TimeSpan? Duration(string key, string? text) =>
        text is null ? null : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var duration) ? duration : throw Invalid(key, text, "a duration such as 00:30:00");

    private static PlaygroundAddress? Address(string? text) =>
        text is null ? null : Enum.TryParse<PlaygroundAddress>(text, ignoreCase: true, out var address) ? address : throw Invalid("AwsPlaygroundAddress", text, "public or private");

    private static TaskSize Size(string prefix, Func<string, string?> text, TaskSize fallback) =>
        new(Number($"{prefix}Cpu", text($"{prefix}Cpu")) ?? fallback.Cpu, Number($"{prefix}Memory", text($"{prefix}Memory")) ?? fallback.Memory);

    private static AwsException Invalid(string key, string text, string expected) =>
        new($"{key} is '{text}', which is not {expected}: fix it in .nuke/parameters.aws.json or on the command line.");
}
