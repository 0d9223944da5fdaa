using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// <c>playground.environment</c> in <c>.slipway.yml</c>: variables the app's playground gets. They come from the
/// repository, so they are never secrets, and they may not take the names of the variables Slipway sets itself.
/// </summary>
internal static partial class PlaygroundEnvironment
{
    public const string Key = "playground.environment";

    private const int MaxVariables = 50;

    /// <summary>Prefixes and names Slipway sets for the app (its run, the database, Apache): the file may not replace them.</summary>
    private static readonly string[] ReservedPrefixes = ["SLIPWAY_", "DB_", "DATABASE_", "APACHE_"];

    public static IReadOnlyDictionary<string, string>? Read(IReadOnlyDictionary<string, YamlNode> values)
    {
        if (!values.TryGetValue(Key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{Key}' a single value or a list: it takes NAME: value pairs, e.g. APP_ENV: playground");
        }

        if (mapping.Children.Count > MaxVariables)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{Key}' {mapping.Children.Count} variables: it takes at most {MaxVariables}");
        }

        var environment = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (nameNode, valueNode) in mapping.Children)
        {
            if (nameNode is not YamlScalarNode { Value: { } name } || !Name().IsMatch(name))
            {
                throw AppConfigParser.Mistake(AppConfigParser.Line(nameNode), $"has a variable name in '{Key}' that is not letters, digits and _ (starting with a letter or _)");
            }

            if (ReservedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) || name.Equals("PATH", StringComparison.OrdinalIgnoreCase))
            {
                throw AppConfigParser.Mistake(
                    AppConfigParser.Line(nameNode), $"sets {name} in '{Key}', a name Slipway sets itself: pick another name (not PATH or one starting with SLIPWAY_, DB_, DATABASE_ or APACHE_)");
            }

            if (valueNode is not YamlScalarNode { Value: var value } || !OneLine().IsMatch(value ?? ""))
            {
                throw AppConfigParser.Mistake(AppConfigParser.Line(valueNode), $"gives {name} in '{Key}' a value that is not one line of text (at most 1000 characters)");
            }

            environment[name] = value ?? "";
        }

        return environment;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex Name();

    [GeneratedRegex(@"^[^\r\n\0]{0,1000}$")]
    private static partial Regex OneLine();
}
