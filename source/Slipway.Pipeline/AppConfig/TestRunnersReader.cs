using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Reads <c>tests.runners</c> of <c>.slipway.yml</c>: a list of runners, each with a name and one of a PHPUnit
/// configuration, a Behat configuration or a command with the JUnit file it writes. A runner is named in
/// mistakes as <c>tests.runners[name]</c> (by its position until its name is read).
/// </summary>
internal static partial class TestRunnersReader
{
    public const string Key = "tests.runners";

    public const int MaxRunners = 10;

    public const int MaxWords = 50;

    // The runners reach the task as one environment value: ECS caps a task definition at 64 KiB, Linux one at 128 KiB.
    public const int MaxJsonBytes = 16 * 1024;

    private static readonly string[] Keys = ["name", "phpunit", "behat", "command", "junit"];

    private static readonly string[] Runs = ["phpunit", "behat", "command"];

    public static IReadOnlyList<TestRunner>? Read(IReadOnlyDictionary<string, YamlNode> values)
    {
        if (!values.TryGetValue(Key, out var node) || IsEmpty(node))
        {
            return null;
        }

        if (node is not YamlSequenceNode list)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{Key}' a single value or a mapping: it takes a list of runners, e.g. [{{ name: unit, phpunit: phpunit.xml.dist }}]");
        }

        if (list.Children.Count == 0)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{Key}' an empty list: list at least one runner, e.g. [{{ name: unit, phpunit: phpunit.xml.dist }}], or remove the key to run phpunit and behat as found");
        }

        if (list.Children.Count > MaxRunners)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"lists {list.Children.Count} test runners: keep '{Key}' to at most {MaxRunners}");
        }

        foreach (var single in new[] { "tests.phpunit", "tests.behat" })
        {
            if (values.TryGetValue(single, out var beside) && !IsEmpty(beside))
            {
                throw AppConfigParser.Mistake(AppConfigParser.Line(beside), $"gives '{single}' beside '{Key}': list it as one of the runners instead, e.g. {{ name: unit, {single[6..]}: {ValueReader.Shown(beside)} }}");
            }
        }

        var runners = new List<TestRunner>();
        for (var index = 0; index < list.Children.Count; index++)
        {
            var runner = ReadOne(list.Children[index], index + 1);
            if (runners.Any(other => other.Name == runner.Name))
            {
                throw AppConfigParser.Mistake(AppConfigParser.Line(list.Children[index]), $"names two test runners '{runner.Name}': give each runner of '{Key}' its own name");
            }

            runners.Add(runner);
        }

        var size = Encoding.UTF8.GetByteCount(TestRunner.ToJson(runners));
        return size <= MaxJsonBytes
            ? runners
            : throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{Key}' {size} bytes of names, paths and words: keep them to at most {MaxJsonBytes} bytes (16 KiB), e.g. with fewer or shorter command words");
    }

    private static TestRunner ReadOne(YamlNode item, int position)
    {
        var fields = Fields(item, $"{Key}[{position}]");
        var name = Name(item, fields, position);
        var at = $"{Key}[{name}]";
        var runs = Runs.Where(fields.ContainsKey).ToList();
        if (runs.Count != 1)
        {
            throw AppConfigParser.Mistake(
                AppConfigParser.Line(item),
                runs.Count == 0
                    ? $"gives the test runner '{name}' nothing to run: add 'phpunit: <configuration file>', 'behat: <configuration file>' or 'command: [words]'"
                    : $"gives the test runner '{name}' both '{runs[0]}' and '{runs[1]}': a runner runs one of phpunit, behat or command, so split it in two");
        }

        var junit = File(fields, "junit", at);
        if (runs[0] != "command")
        {
            return junit is null
                ? new TestRunner(name, runs[0] == "phpunit" ? TestRunnerKind.Phpunit : TestRunnerKind.Behat, File(fields, runs[0], at), null, null)
                : throw AppConfigParser.Mistake(AppConfigParser.Line(fields["junit"]), $"gives the test runner '{name}' a 'junit' file beside '{runs[0]}': Slipway tells {runs[0]} where to write its report, so remove 'junit'");
        }

        return new TestRunner(
            name,
            TestRunnerKind.Command,
            null,
            Command(fields["command"], $"{at}.command"),
            junit ?? throw AppConfigParser.Mistake(AppConfigParser.Line(item), $"gives the test runner '{name}' a command but no 'junit': add 'junit: <the JUnit file the command writes, relative to the repository root>'"));
    }

    private static Dictionary<string, YamlNode> Fields(YamlNode item, string at)
    {
        if (item is not YamlMappingNode mapping)
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(item), $"gives '{at}' a single value or a list: a runner takes keys of its own ({string.Join(", ", Keys)})");
        }

        return KnownKeys.Of(mapping, Keys, at, skipEmpty: true);
    }

    private static string Name(YamlNode item, Dictionary<string, YamlNode> fields, int position)
    {
        if (!fields.TryGetValue("name", out var node))
        {
            throw AppConfigParser.Mistake(AppConfigParser.Line(item), $"gives '{Key}[{position}]' no name: add 'name: unit' (lower-case letters, digits and -), the name the report shows its results under");
        }

        return node is YamlScalarNode { Value: { } name } && RunnerName().IsMatch(name)
            ? name
            : throw AppConfigParser.Mistake(
                AppConfigParser.Line(node), $"gives '{Key}[{position}].name' the value {ValueReader.Shown(node)}: a runner's name is lower-case letters, digits and -, starting with a letter or digit, at most 30");
    }

    // A file inside the repository, not its root: "." would name a folder.
    private static string? File(Dictionary<string, YamlNode> fields, string field, string at)
    {
        if (!fields.TryGetValue(field, out var node))
        {
            return null;
        }

        var key = $"{at}.{field}";
        var path = new ValueReader(new Dictionary<string, YamlNode> { [key] = node }).Path(key, allowGlob: false);
        return path is "." ? throw AppConfigParser.Mistake(AppConfigParser.Line(node), $"gives '{key}' the repository's root: name a file inside it") : path;
    }

    private static List<string> Command(YamlNode node, string key)
    {
        var words = node is YamlSequenceNode sequence ? sequence.Children.Select(word => (word as YamlScalarNode)?.Value).ToList() : [];
        if (words.Count is 0 or > MaxWords || words.Any(word => word is null || !Word().IsMatch(word)) || words[0]!.StartsWith('-'))
        {
            throw AppConfigParser.Mistake(
                AppConfigParser.Line(node),
                $"gives '{key}' the value {ValueReader.Shown(node)}: it takes the command as a list of words run inside the test task without a shell, starting with the program, e.g. [php, tests/checks.php, reports/checks.xml]");
        }

        return words!;
    }

    private static bool IsEmpty(YamlNode node) => node is YamlScalarNode { Value: null or "" };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,29}$")]
    internal static partial Regex RunnerName();

    [GeneratedRegex(@"^[^\r\n\0]{1,1000}$")]
    private static partial Regex Word();
}
