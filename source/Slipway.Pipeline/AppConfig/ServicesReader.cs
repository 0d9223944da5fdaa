using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Reads <c>services:</c> of <c>.slipway.yml</c>: a mapping from a service's name to its kind, image, port,
/// environment and readiness command. Like every value of the file these are untrusted: each is checked
/// against a narrow shape, and nothing of them ever becomes a word of a command Slipway runs on its host.
/// </summary>
internal static partial class ServicesReader
{
    public const int MaxServices = 10;

    private static readonly string[] Keys = ["kind", "image", "port", "environment", "ready"];

    public static IReadOnlyList<AppService>? Read(IReadOnlyDictionary<string, YamlNode> values)
    {
        if (!values.TryGetValue("services", out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        if (node is not YamlMappingNode services)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), "gives 'services' a single value or a list: it takes one entry per service, e.g. 'redis:' or 'cache: {kind: redis}'");
        }

        if (services.Children.Count > MaxServices)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"declares {services.Children.Count} services: Slipway starts at most {MaxServices} beside an app");
        }

        return services.Children.Select(pair => ReadOne(pair.Key, pair.Value)).ToList();
    }

    private static AppService ReadOne(YamlNode keyNode, YamlNode body)
    {
        var line = AppConfigParser.Line(keyNode);
        if (keyNode is not YamlScalarNode { Value: { } name } || !ServiceName().IsMatch(name))
        {
            throw AppConfigParser.Mistake(line, $"names a service {ValueReader.Shown(keyNode)}: a service's name is lower-case letters and digits, starting with a letter, at most 30");
        }

        var fields = Fields(name, body);
        var kind = Kind(name, fields);
        var image = Scalar(name, fields, "image", ImageReference(), "an image reference such as redis:7 or registry.example.com/search:1");
        if (kind is null && image is null)
        {
            throw AppConfigParser.Mistake(line, $"gives the service '{name}' neither a kind nor an image: add 'kind: redis' (memcached, solr, mariadb, chromium) or 'image: <reference>'");
        }

        var port = Port(name, fields) ?? (kind is { } known ? ServiceKinds.Of(known).Port : null);
        if (port is null)
        {
            throw AppConfigParser.Mistake(line, $"gives the service '{name}' no port: add 'port: <the port its image listens on>'");
        }

        return new AppService(name, kind, image, port.Value, Environment(name, fields), Ready(name, fields));
    }

    private static Dictionary<string, YamlNode> Fields(string name, YamlNode body)
    {
        if (body is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        if (body is not YamlMappingNode mapping)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(body), $"gives the service '{name}' a single value or a list: it takes keys of its own ({string.Join(", ", Keys)})");
        }

        return KnownKeys.Of(mapping, Keys, $"services.{name}");
    }

    private static ServiceKind? Kind(string name, Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("kind", out var node))
        {
            // A service named after a kind (redis:, chromium:) is of that kind unless it names an image.
            return fields.ContainsKey("image") ? null : ServiceKinds.Parse(name);
        }

        var text = (node as YamlScalarNode)?.Value;
        return ServiceKinds.Parse(text ?? "") ?? throw AppConfigParser.Mistake(
            AppConfigParser.Line(node), $"gives 'services.{name}.kind' the value {ValueReader.Shown(node)}: the kinds are {string.Join(", ", ServiceKinds.Names)}");
    }

    private static int? Port(string name, Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("port", out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives 'services.{name}.port' the value {ValueReader.Shown(node)}: it takes a port number from 1 to 65535");
        }

        return port;
    }

    private static Dictionary<string, string> Environment(string name, Dictionary<string, YamlNode> fields)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!fields.TryGetValue("environment", out var node) || node is YamlScalarNode { Value: null or "" })
        {
            return environment;
        }

        if (node is not YamlMappingNode mapping)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives 'services.{name}.environment' a single value or a list: it takes NAME: value pairs");
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } variable } || !VariableName().IsMatch(variable))
            {
                throw AppConfigParser.Mistake(AppConfigParser.Line(keyNode), $"names a variable of the service '{name}' {ValueReader.Shown(keyNode)}: variable names are letters, digits and _, not starting with a digit");
            }

            if (value is not YamlScalarNode { Value: var text } || !OneLine().IsMatch(text ?? ""))
            {
                throw AppConfigParser.Mistake(AppConfigParser.Line(value), $"gives the variable {variable} of the service '{name}' a list, a mapping or several lines: it takes one line of text");
            }

            environment[variable] = text ?? "";
        }

        return environment;
    }

    private static IReadOnlyList<string>? Ready(string name, Dictionary<string, YamlNode> fields)
    {
        if (!fields.TryGetValue("ready", out var node))
        {
            return null;
        }

        var words = node is YamlSequenceNode sequence ? sequence.Children.Select(item => (item as YamlScalarNode)?.Value).ToList() : [];
        if (words.Count is 0 or > 20 || words.Any(word => word is null || !ReadyWord().IsMatch(word)))
        {
            throw AppConfigParser.Mistake(
                AppConfigParser.Line(node), $"gives 'services.{name}.ready' the value {ValueReader.Shown(node)}: it takes the readiness command as a list of words run inside the service without a shell, e.g. [redis-cli, ping]");
        }

        return words!;
    }

    private static string? Scalar(string name, Dictionary<string, YamlNode> fields, string key, Regex shape, string expected)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is not YamlScalarNode { Value: { } text } || !shape.IsMatch(text))
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives 'services.{name}.{key}' the value {ValueReader.Shown(node)}: it takes {expected}");
        }

        return text;
    }

    [GeneratedRegex("^[a-z][a-z0-9]{0,29}$")]
    private static partial Regex ServiceName();

    [GeneratedRegex("^(?=.{1,255}$)([a-z0-9.-]+(:[0-9]{1,5})?/)?[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$")]
    private static partial Regex ImageReference();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$")]
    private static partial Regex VariableName();

    [GeneratedRegex(@"^[^\r\n\0]{0,1000}$")]
    private static partial Regex OneLine();

    [GeneratedRegex(@"^[^\r\n\0]{1,200}$")]
    private static partial Regex ReadyWord();
}
