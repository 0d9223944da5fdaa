using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// examples/drupal-site with three test runners under tests.runners: its PHPUnit tests, a Behat runner whose
/// configuration is missing, and a check command of the app's own that writes JUnit with one planted failure.
/// Each is reported under its name, and the planted failure fails the stage naming its runner.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TestRunnersTests(EndToEndFixture fixture)
{
    private const string Config = """
        tests:
          browser: false
          runners:
            - { name: unit, phpunit: phpunit.xml.dist }
            - { name: features, behat: behat.yml }
            - name: checks
              command: [php, tests/checks.php, reports/checks-junit.xml, "Site checks"]
              junit: reports/checks-junit.xml
        """;

    // A runner of the app's own: plain PHP writing JUnit, the way paratest or a JS runner would. Its last word has
    // a space: it names the test class only if it reaches the command whole.
    private const string Checks = """
        <?php
        $checks = [
            'testComposerJsonIsJson' => json_decode((string) file_get_contents('composer.json')) === null ? 'composer.json is not JSON' : null,
            'testPlantedCheckFails' => 'the planted check fails on purpose',
        ];
        $cases = '';
        foreach ($checks as $name => $failure) {
            $body = $failure === null ? '' : '<failure message="' . htmlspecialchars($failure) . '">' . htmlspecialchars($failure) . '</failure>';
            $cases .= "<testcase name=\"$name\" classname=\"{$argv[2]}\" file=\"tests/checks.php\">$body</testcase>\n";
        }
        @mkdir(dirname($argv[1]), 0777, true);
        file_put_contents($argv[1], "<?xml version=\"1.0\"?>\n<testsuites><testsuite name=\"SiteChecks\">\n$cases</testsuite></testsuites>\n");
        exit(count(array_filter($checks)) > 0 ? 1 : 0);
        """;

    [Fact]
    public async Task Test_WithThreeRunners_ReportsEachUnderItsName_AndThePlantedFailureFailsTheStageNamingItsRunner()
    {
        var app = Path.Combine(fixture.WorkDirectory, "apps", "runners-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "drupal-site"), app);
        await File.WriteAllTextAsync(Path.Combine(app, ".slipway.yml"), Config);
        await File.WriteAllTextAsync(Path.Combine(app, "tests", "checks.php"), Checks);
        var branch = fixture.NewBranch("e2e-runners");

        var run = await fixture.BuildScript.RunAsync("Test", "--app", app, "--branch", branch);

        run.ExitCode.Should().Be(1, "the planted check makes the test stage red: {0}", run);
        run.Output.Should().Contain("1 of 15 tests failed, first checks: Site checks::testPlantedCheckFails");
        var report = await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.md"));
        report.Should().Contain("### Test runners")
            .And.Contain("- **unit**: 13 tests: 13 passed, 0 failed, 0 skipped")
            .And.Contain("- **features**: no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app")
            .And.Contain("- **checks**: 2 tests: 1 passed, 1 failed, 0 skipped")
            .And.Contain("| failed | `checks: Site checks::testPlantedCheckFails` |")
            .And.Contain("| 15 | 14 | 1 | 0 | 0 | 0 |", "the totals stay the sum of the runners");
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty("the test task is removed after the run");
    }
}
