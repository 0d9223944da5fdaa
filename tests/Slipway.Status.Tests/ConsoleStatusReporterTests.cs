using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class ConsoleStatusReporterTests
{
    [Fact]
    public async Task FullRun_WritesStageChangesAndTheSlackSummaryAsText()
    {
        var output = new StringWriter();

        await new PullRequestRun().PlayAsync(new ConsoleStatusReporter(output));

        var text = output.ToString();
        text.Should().StartWith("Run run-1: drupal-site PullRequest on feature/login (0123456) started.");
        text.Should().Contain("  build: running").And.Contain("  build: succeeded (Image feature-login-0123456)");
        text.Should().Contain("drupal-site PullRequest on feature/login: test and analysis failed")
            .And.Contain("Pull request: https://github.com/acme/drupal-site/pull/42")
            .And.Contain("test        failed - 105 passed, 13 failed")
            .And.Contain($"Playground: {PullRequestRun.PlaygroundUrl}")
            .And.Contain("Tests: 105 passed, 13 failed, 0 errors, 2 skipped")
            .And.Contain("Findings: 2 errors, 8 warnings, 2 notices")
            .And.Contain("Failing tests (13):")
            .And.Contain("- LoginTest::testCase10 (tests/src/LoginTest.php:110): Failed asserting case 10.")
            .And.NotContain("testCase11")
            .And.Contain("+3 more")
            .And.Contain("Findings (12):")
            .And.Contain("+2 more");
    }

    [Fact]
    public async Task StageThatDidNotChange_IsNotWrittenAgain()
    {
        var output = new StringWriter();
        var reporter = new ConsoleStatusReporter(output);
        var run = new PullRequestRun();

        await reporter.RunStartedAsync(run.First, CancellationToken.None);
        await reporter.StageChangedAsync(run.First, CancellationToken.None);

        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().HaveCount(2);
    }
}
