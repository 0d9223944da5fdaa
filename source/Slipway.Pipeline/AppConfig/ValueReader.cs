using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>Reads the typed values of <c>.slipway.yml</c> out of its nodes, each against a narrow shape.</summary>
internal sealed partial class ValueReader(IReadOnlyDictionary<string, YamlNode> values)
{
    /// <summary>One line of text matching <paramref name="shape"/>; null when the key is absent or empty.</summary>
    public string? Text(string key, Regex shape, string expected)
    {
        if (!values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || !shape.IsMatch(text))
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{key}' the value {Shown(node)}: it takes {expected}");
        }

        return text;
    }

    /// <summary>A folder or file of the repository, relative to its root; "." is the root itself.</summary>
    public string? Path(string key, bool allowGlob)
    {
        if (!values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return CheckedPath(key, node, allowGlob);
    }

    /// <summary>A list of paths (a single path is a list of one); null when the key is absent.</summary>
    public IReadOnlyList<string>? Paths(string key)
    {
        if (!values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return ItemsOf(node).Select(item => CheckedPath(key, item, allowGlob: true)).ToList();
    }

    /// <summary>HTTP statuses (100–599); null when the key is absent.</summary>
    public IReadOnlyList<int>? Statuses(string key)
    {
        if (!values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        var statuses = new List<int>();
        foreach (var item in ItemsOf(node))
        {
            if (item is not YamlScalarNode { Value: { } text }
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status)
                || status is < 100 or > 599)
            {
                throw AppConfigParser.Mistake(
                    AppConfigParser.Line(item), $"gives '{key}' the value {Shown(item)}: it takes HTTP statuses from 100 to 599, e.g. [200, 403]");
            }

            statuses.Add(status);
        }

        return statuses;
    }

    private static IEnumerable<YamlNode> ItemsOf(YamlNode node) => node is YamlSequenceNode sequence ? sequence.Children : [node];

    private static string CheckedPath(string key, YamlNode node, bool allowGlob)
    {
        var shape = allowGlob ? AppConfigParser.GlobPath() : AppConfigParser.PlainPath();
        if (node is not YamlScalarNode { Value: { } text })
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{key}' a list or mapping: it takes a path such as web or docroot/sites");
        }

        if (text is "." or "./")
        {
            return ".";
        }

        var segments = text.TrimEnd('/').Split('/');
        if (!shape.IsMatch(text) || segments.Any(segment => segment is ".." or "." || segment.StartsWith('-')))
        {
            var allowed = allowGlob ? "letters, digits, . _ - @ + and * for one folder name" : "letters, digits, . _ - @ +";
            throw AppConfigParser.Mistake(
                AppConfigParser.Line(node),
                $"gives '{key}' the path {Shown(node)}: write a path inside the repository, relative to its root, without .. ({allowed})");
        }

        return text.TrimEnd('/');
    }

    /// <summary>A value as a mistake's sentence shows it: quoted, shortened, or what it is instead.</summary>
    internal static string Shown(YamlNode node) => node switch
    {
        YamlScalarNode { Value: { } text } => $"'{(text.Length > 60 ? text[..57] + "..." : text)}'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "nothing",
    };
}
