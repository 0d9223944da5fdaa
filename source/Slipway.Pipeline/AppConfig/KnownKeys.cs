using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>The keys of an entry of a list or mapping in <c>.slipway.yml</c> (a service, a test runner), each one Slipway knows.</summary>
internal static class KnownKeys
{
    /// <summary>
    /// The entry's values by key; a key not in <paramref name="keys"/> is a mistake naming the nearest one, as
    /// <c>&lt;at&gt;.&lt;key&gt;</c>. Keys with an empty value are left out when <paramref name="skipEmpty"/> is set.
    /// </summary>
    public static Dictionary<string, YamlNode> Of(YamlMappingNode mapping, IReadOnlyList<string> keys, string at, bool skipEmpty = false)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!keys.Contains(key, StringComparer.Ordinal))
            {
                throw AppConfigParser.Mistake(
                    AppConfigParser.Line(keyNode), $"has the key '{at}.{key}', which Slipway does not know: the nearest valid key is '{at}.{AppConfigKeys.Nearest(key, keys)}'");
            }

            if (!skipEmpty || value is not YamlScalarNode { Value: null or "" })
            {
                fields[key] = value;
            }
        }

        return fields;
    }
}
