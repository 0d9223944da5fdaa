using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class BitbucketCommitStatusTests
{
    private const string Remote = "ssh://git@bitbucket.org/acme/drupal-site.git";

    [Fact]
    public async Task FullRun_PostsEachStageChangeOnceUnderItsKey()
    {
        await using var world = new ReportingFixture();
        var bitbucket = world.StartBitbucketWithAppPassword();

        await new PullRequestRun(remote: Remote).PlayAsync(world.CreateReporter(AppPasswordSettings(bitbucket)));

        world.Warnings.Should().BeEmpty();
        var statuses = bitbucket.Statuses;
        statuses.Should().OnlyContain(status => status.Repository == "acme/drupal-site" && status.Sha == PullRequestRun.Sha);
        statuses.Should().OnlyContain(status => status.RefName == "feature/login", "Bitbucket's refname is the branch the commit was built from");
        StatesOf(statuses, "slipway/build").Should().Equal("INPROGRESS", "SUCCESSFUL");
        StatesOf(statuses, "slipway/test").Should().Equal("INPROGRESS", "INPROGRESS", "FAILED");
        StatesOf(statuses, "slipway/analysis").Should().Equal("INPROGRESS", "INPROGRESS", "FAILED");
        StatesOf(statuses, "slipway/playground").Should().Equal("INPROGRESS", "INPROGRESS", "SUCCESSFUL");
        statuses.Should().HaveCount(11);

        var latest = bitbucket.LatestByKey(PullRequestRun.Sha);
        latest["slipway/playground"].TargetUrl.Should().Be(PullRequestRun.PlaygroundUrl.AbsoluteUri);
        latest["slipway/build"].TargetUrl.Should().Be("https://bitbucket.org/acme/drupal-site", "Bitbucket needs a url; without a run page it is the repository");
        latest["slipway/test"].Description.Should().Be("105 passed, 13 failed");
    }

    [Fact]
    public async Task RunPage_IsTheLinkOfStagesWithoutTheirOwn()
    {
        await using var world = new ReportingFixture();
        var bitbucket = world.StartBitbucketWithAppPassword();
        var runPage = new Uri("https://ci.example.com/runs/7");

        await world.CreateReporter(AppPasswordSettings(bitbucket))
            .RunStartedAsync(new PullRequestRun(remote: Remote).First with { RunUrl = runPage }, CancellationToken.None);

        bitbucket.Statuses.Should().HaveCount(4).And.OnlyContain(status => status.TargetUrl == runPage.AbsoluteUri);
    }

    [Fact]
    public async Task AccessToken_IsSentAsBearer()
    {
        await using var world = new ReportingFixture();
        var bitbucket = world.StartBitbucketWithAccessToken();
        var settings = new StatusSettings { BitbucketAccessToken = TestSecrets.BitbucketAccessToken, BitbucketApiBaseUrl = bitbucket.ApiBaseUrl };

        await new PullRequestRun(remote: "https://slipway-bot@bitbucket.org/acme/drupal-site.git").PlayAsync(world.CreateReporter(settings), count: 2);

        world.Warnings.Should().BeEmpty();
        bitbucket.Server.Requests.Should().OnlyContain(request => request.Header("Authorization") == $"Bearer {TestSecrets.BitbucketAccessToken}");
        bitbucket.LatestByKey(PullRequestRun.Sha)["slipway/build"].State.Should().Be("SUCCESSFUL");
    }

    [Fact]
    public async Task SupersededRun_PostsNoStoppedOrFailedStatus()
    {
        await using var world = new ReportingFixture();
        var bitbucket = world.StartBitbucketWithAppPassword();
        var reporter = world.CreateReporter(AppPasswordSettings(bitbucket));
        var oldRun = new PullRequestRun("run-1", remote: Remote);
        await oldRun.PlayAsync(reporter, count: 3);

        await reporter.RunStartedAsync(new PullRequestRun("run-2", remote: Remote).First, CancellationToken.None);
        var stopped = oldRun.After(3).WithStage(new StageStatus(StageNames.Test, StageState.Cancelled)) with { Superseded = true };
        await reporter.StageChangedAsync(stopped, CancellationToken.None);
        await reporter.RunFinishedAsync(stopped with { FinishedAt = stopped.StartedAt.AddMinutes(1) }, CancellationToken.None);

        bitbucket.Statuses.Should().NotContain(status => status.State == "STOPPED" || status.State == "FAILED");
        bitbucket.LatestByKey(PullRequestRun.Sha)["slipway/test"].Should().BeEquivalentTo(new
        {
            State = "INPROGRESS",
            Description = "Waiting for earlier stages",
        }, "the newer run's pending state holds the key");
    }

    [Fact]
    public async Task BitbucketDown_RetriesServerErrorsThenWarnsOnce()
    {
        await using var world = new ReportingFixture();
        var bitbucket = world.StartBitbucketWithAppPassword();
        bitbucket.Server.AnswerNext(1000, HttpAnswer.ServerError(502));

        var play = () => new PullRequestRun(remote: Remote).PlayAsync(world.CreateReporter(AppPasswordSettings(bitbucket)));

        await play.Should().NotThrowAsync();
        // Once for the build statuses, once for the Code Insights reports: each reporter says so once per run.
        world.Warnings.Should().HaveCount(2).And.OnlyContain(warning => warning.Contains("Bitbucket answered") && warning.Contains("HTTP 502 after 3 attempts"));
    }

    private static StatusSettings AppPasswordSettings(FakeBitbucketApi bitbucket) => new()
    {
        BitbucketUsername = TestSecrets.BitbucketUsername,
        BitbucketAppPassword = TestSecrets.BitbucketAppPassword,
        BitbucketApiBaseUrl = bitbucket.ApiBaseUrl,
    };

    private static IEnumerable<string> StatesOf(IEnumerable<PostedCommitStatus> statuses, string key) =>
        statuses.Where(status => status.Context == key).Select(status => status.State);
}
