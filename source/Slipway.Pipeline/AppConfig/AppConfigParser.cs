using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Turns the text of <c>.slipway.yml</c> into an <see cref="AppConfigFile"/>. The file comes from the app's
/// repository, so it is untrusted: every value is checked here against a narrow shape, and the first mistake
/// stops the build with one sentence naming the line, the key and what would be right.
/// </summary>
internal static partial class AppConfigParser
{
    public static AppConfigFile Parse(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException exception)
        {
            throw Mistake(exception.Start.Line, $"is not valid YAML ({FirstSentence(exception.Message)}): fix the syntax there");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return AppConfigFile.Empty;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Mistake(Line(stream.Documents[0].RootNode), "must be a mapping of keys (php, docroot, playground, ...), not a single value or a list");
        }

        var values = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        Collect(root, "", values);
        var read = new ValueReader(values);
        var file = new AppConfigFile
        {
            Php = read.Text("php", PhpVersion(), "a PHP version as major.minor in quotes, e.g. \"8.2\""),
            Docroot = read.Path("docroot", allowGlob: false),
            Dockerfile = read.Path("dockerfile", allowGlob: false),
            ReadinessPath = read.Text("playground.readiness.path", UrlPath(), "a path on the site starting with /, e.g. /user/login"),
            ReadinessStatuses = read.Statuses("playground.readiness.statuses"),
            ReadinessContains = read.Text("playground.readiness.contains", AnyText(), "the text the ready page must contain, on one line"),
            Writable = read.Paths("playground.writable"),
            Files = read.Path("playground.files", allowGlob: false),
            Access = PlaygroundAccess.Read(read),
            AnalysisPaths = read.Paths("analysis.paths"),
            AnalysisExclude = read.Paths("analysis.exclude"),
            MaxNewFindings = NewFindingsLimit.Read(read),
            PhpunitConfig = read.Path("tests.phpunit", allowGlob: false),
            BehatConfig = read.Path("tests.behat", allowGlob: false),
            BrowserTests = read.Flag("tests.browser"),
            TestRunners = TestRunnersReader.Read(values),
            Services = ServicesReader.Read(values),
            Commands = AppCommandsReader.Read(values),
            Build = BuildSettingsReader.Read(read),
            PlaygroundEnvironment = AppConfig.PlaygroundEnvironment.Read(values),
        };

        // The auth is set up by Slipway's app image when it starts; an image of the app's own would serve the site open.
        return file is { Access.BasicAuth: not null, Dockerfile: { } own }
            ? throw new AppConfigException(
                $"{AppConfigKeys.FileName} asks for playground.basic_auth with the app's own dockerfile {own}: basic auth comes with Slipway's app image, so remove one of the two.")
            : file;
    }

    private static void Collect(YamlMappingNode mapping, string section, Dictionary<string, YamlNode> values)
    {
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
            {
                throw Mistake(Line(keyNode), "has a key that is not a plain name: keys are words such as php or docroot");
            }

            var dotted = section.Length == 0 ? key : $"{section}.{key}";
            var allowed = AppConfigKeys.ChildrenOf(section);
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                var nearest = AppConfigKeys.Nearest(key, allowed);
                var nearestDotted = section.Length == 0 ? nearest : $"{section}.{nearest}";
                throw Mistake(Line(keyNode), $"has the key '{dotted}', which Slipway does not know: the nearest valid key is '{nearestDotted}'");
            }

            if (AppConfigKeys.Reserved.Contains(dotted))
            {
                continue;
            }

            if (AppConfigKeys.Sections.Contains(dotted))
            {
                if (valueNode is YamlScalarNode { Value: null or "" })
                {
                    continue;
                }

                if (valueNode is not YamlMappingNode child)
                {
                    var keys = string.Join(", ", AppConfigKeys.ChildrenOf(dotted));
                    throw Mistake(Line(valueNode), $"gives '{dotted}' a single value or a list: it takes keys of its own ({keys})");
                }

                Collect(child, dotted, values);
                continue;
            }

            values[dotted] = valueNode;
        }
    }

    internal static AppConfigException Mistake(long line, string problem) =>
        new($"{AppConfigKeys.FileName} line {line} {problem}.");

    internal static long Line(YamlNode node) => node.Start.Line;

    private static string FirstSentence(string message)
    {
        var text = message.ReplaceLineEndings(" ").Trim();
        var colon = text.IndexOf("): ", StringComparison.Ordinal);
        text = colon >= 0 ? text[(colon + 3)..] : text;
        return text.TrimEnd('.');
    }

    [GeneratedRegex(@"^[5-9]\.[0-9]{1,2}$")]
    internal static partial Regex PhpVersion();

    [GeneratedRegex(@"^/[A-Za-z0-9._~!$&'()*+,;=:@%/?-]*$")]
    internal static partial Regex UrlPath();

    [GeneratedRegex(@"^[^\r\n]{1,200}$")]
    internal static partial Regex AnyText();

    [GeneratedRegex(@"^[A-Za-z0-9._@+-]+(/[A-Za-z0-9._@+-]+)*/?$")]
    internal static partial Regex PlainPath();

    [GeneratedRegex(@"^[A-Za-z0-9._@+*-]+(/[A-Za-z0-9._@+*-]+)*/?$")]
    internal static partial Regex GlobPath();

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
