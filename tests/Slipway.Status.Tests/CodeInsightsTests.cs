using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class CodeInsightsTests
{
    private const string Remote = "https://bitbucket.org/acme/drupal-site.git";


    [Fact]
    public async Task Each_stage_is_a_report_annotated_with_exactly_the_new_ones_beside_the_build_statuses()
    {
        await using var fixture = new ReportingFixture();
        var bitbucket = fixture.StartBitbucketWithAccessToken();
        var reporter = fixture.CreateReporter(new StatusSettings { BitbucketAccessToken = TestSecrets.BitbucketAccessToken, BitbucketApiBaseUrl = bitbucket.ApiBaseUrl });
        var pullRequest = new ChangedPullRequestOnBitbucket();

        await pullRequest.PlayAsync(reporter);

        fixture.Warnings.Should().BeEmpty();
        var reports = bitbucket.ReportsOn(PullRequestRun.Sha);
        reports.Keys.Should().BeEquivalentTo("slipway-build", "slipway-test", "slipway-analysis", "slipway-playground");
        reports["slipway-test"].Result.Should().Be("FAILED");
        reports["slipway-test"].Annotations.Select(annotation => (annotation.Path, annotation.Line, annotation.Level))
            .Should().Equal((ChangedPullRequest.NewTestFile, 42, "HIGH"));
        reports["slipway-analysis"].Annotations.Select(annotation => (annotation.Path, annotation.Line, annotation.Level))
            .Should().Equal(("web/modules/custom/login/src/Form1.php", 8, "MEDIUM"));
        reports["slipway-analysis"].Details.Should().Contain("40 old findings");
        reports["slipway-playground"].Link.Should().Be(PullRequestRun.PlaygroundUrl.AbsoluteUri);
        bitbucket.LatestByKey(PullRequestRun.Sha).Keys.Should().Contain("slipway/test");
    }

    [Fact]
    public async Task More_than_a_hundred_annotations_go_a_hundred_to_a_request()
    {
        await using var fixture = new ReportingFixture();
        var bitbucket = fixture.StartBitbucketWithAccessToken();
        var reporter = fixture.CreateReporter(new StatusSettings { BitbucketAccessToken = TestSecrets.BitbucketAccessToken, BitbucketApiBaseUrl = bitbucket.ApiBaseUrl });

        await new ChangedPullRequestOnBitbucket(newFindings: 230).PlayAsync(reporter);

        fixture.Warnings.Should().BeEmpty();
        bitbucket.ReportsOn(PullRequestRun.Sha)["slipway-analysis"].Annotations.Should().HaveCount(230);
        bitbucket.Server.Requests.Where(request => request.Path.EndsWith("/reports/slipway-analysis/annotations", StringComparison.Ordinal))
            .Select(request => System.Text.Json.JsonDocument.Parse(request.Body).RootElement.GetArrayLength())
            .Should().Equal(100, 100, 30);
    }

    /// <summary>The same pull request with its remote on Bitbucket.</summary>
    private sealed class ChangedPullRequestOnBitbucket(int newFindings = 1)
    {
        private readonly ChangedPullRequest pullRequest = new(newFindings);

        public async Task PlayAsync(IRunStatusReporter reporter)
        {
            var run = new PullRequestRun(remote: Remote);
            await run.PlayAsync(reporter, run.StepCount - 1);
            await reporter.RunFinishedAsync(pullRequest.Final with { RepositoryUrl = Remote }, CancellationToken.None);
        }
    }
}
