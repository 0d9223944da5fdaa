using System.Text.Json;

namespace Slipway.Pipeline.AppConfig;

/// <summary>What a test runner under <c>tests.runners</c> runs.</summary>
public enum TestRunnerKind
{
    /// <summary>PHPUnit with a configuration file.</summary>
    Phpunit,

    /// <summary>Behat with a configuration file.</summary>
    Behat,

    /// <summary>The app's own command, which writes a JUnit file.</summary>
    Command,
}

/// <summary>
/// One runner of the test task (<c>tests.runners</c> in <c>.slipway.yml</c>), reported under its own name. Its values
/// come from the repository: checked when read, and handed to the task as data, never as shell text.
/// </summary>
/// <param name="Name">Lower-case letters, digits and <c>-</c>: the runner's name in the report and the results markers.</param>
/// <param name="Kind">PHPUnit, Behat or a command.</param>
/// <param name="Config">The PHPUnit or Behat configuration file, relative to the repository root; null for a command.</param>
/// <param name="Command">The command's words, run inside the test task without a shell; null for PHPUnit and Behat.</param>
/// <param name="Junit">The JUnit file the command writes, relative to the repository root; null for PHPUnit and Behat.</param>
public sealed record TestRunner(string Name, TestRunnerKind Kind, string? Config, IReadOnlyList<string>? Command, string? Junit)
{
    /// <summary>
    /// The runners as the test task reads them (<c>SLIPWAY_TEST_RUNNERS</c>, decoded by docker/tests/test-runners.sh):
    /// a JSON list of objects with name, kind, config, command and junit. JSON keeps each word of a command whole.
    /// </summary>
    public static string ToJson(IEnumerable<TestRunner> runners) => JsonSerializer.Serialize(runners.Select(runner => new Dictionary<string, object?>
    {
        ["name"] = runner.Name,
        ["kind"] = runner.Kind.ToString().ToLowerInvariant(),
        ["config"] = runner.Config,
        ["command"] = runner.Command,
        ["junit"] = runner.Junit,
    }));
}
