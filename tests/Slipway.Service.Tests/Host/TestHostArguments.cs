using System.Globalization;

namespace Slipway.Service.Tests.Host;

/// <summary><c>--name value</c> pairs of the test host's command line.</summary>
public sealed class TestHostArguments(IReadOnlyDictionary<string, string> values)
{
    public static TestHostArguments Parse(IReadOnlyList<string> args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var index = 0; index + 1 < args.Count; index += 2)
        {
            values[args[index].TrimStart('-')] = args[index + 1];
        }

        return new TestHostArguments(values);
    }

    public string Text(string name, string? fallback = null) =>
        values.TryGetValue(name, out var value) ? value : fallback ?? throw new ArgumentException($"--{name} is required.");

    public string? Optional(string name) => values.GetValueOrDefault(name);

    public int Number(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
