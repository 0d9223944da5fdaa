using System.Diagnostics;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.AppConfig;

/// <summary>
/// The SLIPWAY_TEST_RUNNERS value the test task gets (TaskEnvironment hands it <see cref="TestRunner.ToJson"/>) is
/// what docker/tests/test-runners.sh's runner_fields reads: decoded by this machine's php into the fields run-tests.sh uses.
/// </summary>
public sealed class TestRunnersJsonTests
{
    [Fact]
    public void The_runners_of_a_profile_reach_the_task_script_field_by_field_with_each_word_whole()
    {
        using var app = new AppFolder().WithConfig("""
            tests:
              runners:
                - { name: unit, phpunit: web/core/phpunit.xml.dist }
                - { name: features, behat: tests/behat.yml }
                - name: checks
                  command: [LANG=C, php, "tests/checks.php", "a word; with $(spaces) and \"quotes\""]
                  junit: reports/checks.xml
            """);

        var json = TestRunner.ToJson(AppProfile.Load(app.Path).TestRunners);

        RunnerFields(json).Should().Equal(
            "unit", "phpunit", "web/core/phpunit.xml.dist", "", "0",
            "features", "behat", "tests/behat.yml", "", "0",
            "checks", "command", "", "reports/checks.xml", "4", "LANG=C", "php", "tests/checks.php", "a word; with $(spaces) and \"quotes\"");
    }

    private static string[] RunnerFields(string json)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { "-c", "source \"$0\" && runner_fields", RepositoryRoot.Combine("docker", "tests", "test-runners.sh") },
            RedirectStandardOutput = true,
            Environment = { ["SLIPWAY_TEST_RUNNERS"] = json },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start bash.");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0, "runner_fields decodes a JSON list of runners");
        return output.TrimEnd('\0').Split('\0');
    }
}
