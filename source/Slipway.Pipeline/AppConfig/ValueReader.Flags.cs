using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>Yes/no values and lists of text lines.</summary>
internal sealed partial class ValueReader
{
    /// <summary>true or false; null when the key is absent or empty.</summary>
    public bool? Flag(string key)
    {
        if (!values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return node is YamlScalarNode { Value: "true" or "false" } scalar
            ? scalar.Value == "true"
            : throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{key}' the value {Shown(node)}: it takes true or false");
    }

    /// <summary>A list of text lines, each matching <paramref name="shape"/> (one line is a list of one); null when absent.</summary>
    public IReadOnlyList<string>? Texts(string key, Regex shape, string expected)
    {
        if (!values.TryGetValue(key, out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return ItemsOf(node).Select(item => item is YamlScalarNode { Value: { } text } && shape.IsMatch(text)
                ? text
                : throw AppConfigParser.Mistake(AppConfigParser.Line(item), $"gives '{key}' the value {Shown(item)}: it takes {expected}"))
            .ToList();
    }
}
