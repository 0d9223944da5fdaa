using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class CheckRunTests
{
    private static StatusSettings AppSettings(Uri api) => new() { GitHubToken = TestSecrets.GitHubAppToken, GitHubApiBaseUrl = api };

    [Fact]
    public async Task Each_stage_is_a_check_run_annotated_with_exactly_the_new_failing_tests_and_findings()
    {
        await using var fixture = new ReportingFixture();
        var gitHub = fixture.StartGitHubForApp();
        var pullRequest = new ChangedPullRequest();

        await pullRequest.PlayAsync(fixture.CreateReporter(AppSettings(gitHub.ApiBaseUrl)));

        fixture.Warnings.Should().BeEmpty();
        var checks = gitHub.CheckRunsOn(PullRequestRun.Sha);
        checks.Keys.Should().BeEquivalentTo("slipway/build", "slipway/test", "slipway/analysis", "slipway/playground");
        checks.Values.Should().OnlyContain(check => check.Status == "completed");
        checks["slipway/test"].Conclusion.Should().Be("failure");
        checks["slipway/build"].Conclusion.Should().Be("success");
        checks["slipway/test"].Annotations.Should().Equal(
            new PostedAnnotation(ChangedPullRequest.NewTestFile, 42, "failure", "Failed asserting that false is true."));
        checks["slipway/analysis"].Annotations.Should().Equal(
            new PostedAnnotation("web/modules/custom/login/src/Form1.php", 8, "warning", "Avoid unused local variables such as '$x'."));
        checks["slipway/analysis"].Summary.Should().Contain("1 new findings (annotated on their lines), 40 old findings (counted, not annotated)")
            .And.Contain("## Test and analysis results");
        checks["slipway/test"].Summary.Should().Contain("1 new failing tests (annotated on their lines), 2 old failing tests");
        checks.Values.Should().OnlyContain(check => check.DetailsUrl == PullRequestRun.PlaygroundUrl.AbsoluteUri);
        gitHub.Statuses.Should().BeEmpty("an app token gets check runs instead of commit statuses");
    }

    [Fact]
    public async Task More_than_fifty_annotations_go_fifty_to_a_request_and_all_arrive()
    {
        await using var fixture = new ReportingFixture();
        var gitHub = fixture.StartGitHubForApp();

        await new ChangedPullRequest(newFindings: 120).PlayAsync(fixture.CreateReporter(AppSettings(gitHub.ApiBaseUrl)));

        fixture.Warnings.Should().BeEmpty();
        gitHub.CheckRunsOn(PullRequestRun.Sha)["slipway/analysis"].Annotations.Should().HaveCount(120);
        var analysisRequests = gitHub.Server.Requests.Where(request => request.Body.Contains("annotations", StringComparison.Ordinal)
            && request.Body.Contains("UnusedLocalVariable", StringComparison.Ordinal));
        analysisRequests.Select(request => request.Json!["output"]!["annotations"]!.AsArray().Count).Should().Equal(50, 50, 20);
    }

    [Fact]
    public async Task Annotations_on_the_lines_the_pull_request_changed_go_first()
    {
        await using var fixture = new ReportingFixture();
        var gitHub = fixture.StartGitHubForApp();
        var pullRequest = new ChangedPullRequest(newFindings: 60);
        var reporter = fixture.CreateReporter(AppSettings(gitHub.ApiBaseUrl));
        await pullRequest.Run.PlayAsync(reporter, pullRequest.Run.StepCount - 1);
        var final = pullRequest.Final;
        // Only the last finding is on a line the change touched.
        var findings = final.Findings.Select(item => item.Title.Contains("Unused", StringComparison.Ordinal) && item.Line == 67 ? item with { InDiff = true } : item).ToList();

        await reporter.RunFinishedAsync(final with { Findings = findings }, CancellationToken.None);

        var first = gitHub.Server.Requests.First(request => request.Body.Contains("Form60.php", StringComparison.Ordinal) || request.Body.Contains("Form1.php", StringComparison.Ordinal));
        first.Json!["output"]!["annotations"]![0]!["path"]!.GetValue<string>().Should().Be("web/modules/custom/login/src/Form60.php");
    }

    [Fact]
    public async Task A_personal_token_gets_commit_statuses_and_no_check_runs()
    {
        await using var fixture = new ReportingFixture();
        var gitHub = fixture.StartGitHub();

        await new ChangedPullRequest().PlayAsync(fixture.CreateReporter(new StatusSettings { GitHubToken = TestSecrets.GitHubToken, GitHubApiBaseUrl = gitHub.ApiBaseUrl }));

        fixture.Warnings.Should().BeEmpty();
        gitHub.LatestByContext(PullRequestRun.Sha).Keys.Should().Contain("slipway/test");
        gitHub.CheckRunsOn(PullRequestRun.Sha).Should().BeEmpty();
    }

    [Fact]
    public async Task Checks_forced_on_a_personal_token_are_refused_with_a_sentence_that_says_what_to_set()
    {
        await using var fixture = new ReportingFixture();
        var gitHub = fixture.StartGitHub();
        var settings = new StatusSettings { GitHubToken = TestSecrets.GitHubToken, GitHubApiBaseUrl = gitHub.ApiBaseUrl, GitHubChecks = true };

        await new ChangedPullRequest().PlayAsync(fixture.CreateReporter(settings));

        fixture.Warnings.Should().Contain(warning => warning.Contains("GitHub App installation token", StringComparison.Ordinal)
            && warning.Contains("SLIPWAY_GITHUB_CHECKS=false", StringComparison.Ordinal));
    }
}
