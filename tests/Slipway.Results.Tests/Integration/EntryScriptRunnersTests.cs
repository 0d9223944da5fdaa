using System.Text.Json;
using Slipway.Platform;

namespace Slipway.Results.Tests.Integration;

/// <summary>
/// The real docker/tests/run-tests.sh with SLIPWAY_TEST_RUNNERS (tests.runners) on a small app, with this machine's
/// php and phpunit: each runner's report or note comes back under its own name.
/// </summary>
public sealed class EntryScriptRunnersTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("slipway-runners-app-").FullName;

    public EntryScriptRunnersTests()
    {
        Write("phpunit.xml.dist", "<phpunit><testsuites><testsuite name=\"unit\"><directory>tests</directory></testsuite></testsuites></phpunit>\n");
        Write("tests/PassingTest.php", """
            <?php
            final class PassingTest extends PHPUnit\Framework\TestCase
            {
                public function testOne(): void { $this->assertTrue(true); }
                public function testTwo(): void { $this->assertSame(2, 1 + 1); }
            }
            """);
        // The app's own runner: its last word, with spaces and a quote, names the test class only if it arrives whole.
        Write("checks.php", """
            <?php
            @mkdir(dirname($argv[1]), 0777, true);
            $class = htmlspecialchars($argv[2]);
            file_put_contents($argv[1], "<testsuites><testsuite name=\"checks\"><testcase name=\"passes\" classname=\"$class\"/>"
                . "<testcase name=\"fails\" classname=\"$class\"><failure message=\"planted\">planted</failure></testcase></testsuite></testsuites>\n");
            exit(1);
            """);
        // Left from before: a runner that writes nothing must not pass with it.
        Write("reports/stale.xml", "<testsuites><testsuite name=\"stale\"><testcase name=\"left from before\"/></testsuite></testsuites>\n");
    }

    public void Dispose() => Directory.Delete(_app, recursive: true);

    [Fact]
    public void Each_runner_is_reported_under_its_name_and_one_without_a_report_could_not_run()
    {
        var runners = new object[]
        {
            new { name = "unit", kind = "phpunit", config = "phpunit.xml.dist" },
            new { name = "features", kind = "behat", config = "behat.yml" },
            new { name = "checks", kind = "command", command = new[] { "php", "checks.php", "reports/checks.xml", "Site checks; touch \"$(touch shell-ran)\"" }, junit = "reports/checks.xml" },
            new { name = "broken", kind = "command", command = new[] { "false" }, junit = "reports/stale.xml" },
        };

        var (log, report) = Run(JsonSerializer.Serialize(runners));

        log.Should().Contain(new LogLine(LogStream.Stderr, "run-tests exited with 2"), "a runner that could not run fails the task");
        report.Runners.Select(runner => (runner.Runner, runner.Describe())).Should().Equal(
            ("unit", "2 tests: 2 passed, 0 failed, 0 skipped"),
            ("features", "no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app"),
            ("checks", "2 tests: 1 passed, 1 failed, 0 skipped"),
            ("broken", "could not run: false exited with code 1 without writing reports/stale.xml"));
        report.Failures.Select(report.NameOf).Should().Equal("checks: Site checks; touch \"$(touch shell-ran)\"::fails");
        report.Problems.Single().Message.Should().Be("task tests ended with exit code 2: broken: could not run: false exited with code 1 without writing reports/stale.xml");
        File.Exists(Path.Combine(_app, "shell-ran")).Should().BeFalse("the words reach the command whole, never a shell");
    }

    [Fact]
    public void A_setting_like_first_word_is_run_as_a_program_and_a_bad_name_is_named_in_the_report()
    {
        // A NAME=VALUE first word is the program's name, never a setting that lets the next word run instead.
        var runners = new object[]
        {
            new { name = "setting", kind = "command", command = new[] { "SHELL_RAN=1", "php", "checks.php", "reports/checks.xml", "c" }, junit = "reports/checks.xml" },
            new { name = "Bad Name", kind = "phpunit", config = "phpunit.xml.dist" },
        };

        var (log, report) = Run(JsonSerializer.Serialize(runners));

        log.Should().Contain(new LogLine(LogStream.Stderr, "run-tests exited with 2"));
        report.Runners.Select(runner => (runner.Runner, runner.Describe())).Should().Equal(
            ("setting", "could not run: SHELL_RAN=1 exited with code 127 without writing reports/checks.xml"));
        File.Exists(Path.Combine(_app, "reports", "checks.xml")).Should().BeFalse("php never ran checks.php");
        report.Notes.Select(note => note.ToString()).Should().Contain(
            "could not run: runner 2 of tests.runners has the name 'Bad Name', not lower-case letters, digits and -");
    }

    [Fact]
    public void A_runner_list_that_is_not_a_json_list_is_named_in_the_report()
    {
        var (log, report) = Run("{\"name\":\"unit\"}");

        log.Should().Contain(new LogLine(LogStream.Stderr, "run-tests exited with 2"));
        report.Notes.Select(note => note.ToString()).Should().Equal(
            "could not run: SLIPWAY_TEST_RUNNERS (tests.runners in .slipway.yml) is not a JSON list of runners");
    }

    // The script exits 2 when a runner could not run; the wrapper says so on stderr instead of failing the run.
    private (IReadOnlyList<LogLine> Log, RunReport Report) Run(string runnersJson)
    {
        var script = Path.Combine(FailingAppFixture.FindRepositoryRoot(), "docker", "tests", "run-tests.sh");
        var log = ScriptRun.WithStreams(
            _app,
            new Dictionary<string, string> { ["SLIPWAY_APP_DIR"] = _app, ["SLIPWAY_TEST_RUNNERS"] = runnersJson },
            "bash",
            "-c",
            "bash \"$0\"; echo \"run-tests exited with $?\" >&2",
            script);
        var reader = new TaskResultsReader("tests", _app);
        reader.Feed(log);
        return (log, RunReport.Combine(reader.Complete(new TaskOutcome(2, null))));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_app, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
