using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class GitHubCommitStatusTests
{
    [Fact]
    public async Task FullRun_PostsEachStageChangeOnceUnderItsContext()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();

        await new PullRequestRun().PlayAsync(world.CreateReporter(SettingsFor(gitHub)));

        var statuses = gitHub.Statuses;
        statuses.Should().OnlyContain(status => status.Repository == "acme/drupal-site" && status.Sha == PullRequestRun.Sha);
        StatesOf(statuses, "slipway/build").Should().Equal("pending", "success");
        StatesOf(statuses, "slipway/test").Should().Equal("pending", "pending", "failure");
        StatesOf(statuses, "slipway/analysis").Should().Equal("pending", "pending", "failure");
        StatesOf(statuses, "slipway/playground").Should().Equal("pending", "pending", "success");
        statuses.Should().HaveCount(11, "unchanged stages are not posted again, the end of the run included");

        var latest = gitHub.LatestByContext(PullRequestRun.Sha);
        latest["slipway/test"].Description.Should().Be("105 passed, 13 failed");
        latest["slipway/playground"].TargetUrl.Should().Be(PullRequestRun.PlaygroundUrl.AbsoluteUri);
        statuses.First(status => status.Context == "slipway/test").Description.Should().Be("Waiting for earlier stages");
    }

    [Fact]
    public async Task EveryRequest_CarriesTheHeadersGitHubAsksFor()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();

        await new PullRequestRun().PlayAsync(world.CreateReporter(SettingsFor(gitHub)), count: 2);

        gitHub.Server.Requests.Should().NotBeEmpty().And.AllSatisfy(request =>
        {
            request.Header("Authorization").Should().Be($"Bearer {TestSecrets.GitHubToken}");
            request.Header("Accept").Should().Be("application/vnd.github+json");
            request.Header("X-GitHub-Api-Version").Should().Be("2022-11-28");
            request.Header("User-Agent").Should().NotBeNullOrWhiteSpace();
        });
        world.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task LongStageSummary_IsShortenedToTheDescriptionLimit()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        var start = new PullRequestRun().First;

        await world.CreateReporter(SettingsFor(gitHub)).RunStartedAsync(
            start.WithStage(new StageStatus(StageNames.Build, StageState.Failed, new string('x', 300))),
            CancellationToken.None);

        world.Warnings.Should().BeEmpty();
        gitHub.LatestByContext(PullRequestRun.Sha)["slipway/build"].Description.Should().HaveLength(140).And.EndWith("…");
    }

    [Fact]
    public async Task StageStillPendingWhenTheRunEnds_IsNotLeftPending()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        var reporter = world.CreateReporter(SettingsFor(gitHub));
        var start = new PullRequestRun().First;

        var finished = start
            .WithStage(new StageStatus(StageNames.Build, StageState.Failed))
            .WithStage(new StageStatus(StageNames.Playground, StageState.Skipped));

        await reporter.RunStartedAsync(start, CancellationToken.None);
        await reporter.RunFinishedAsync(finished with { FinishedAt = start.StartedAt.AddMinutes(1) }, CancellationToken.None);

        var latest = gitHub.LatestByContext(PullRequestRun.Sha);
        latest["slipway/build"].State.Should().Be("failure");
        latest["slipway/test"].State.Should().Be("error");
        latest["slipway/test"].Description.Should().Be("Did not finish before the run ended");
        latest["slipway/playground"].Should().BeEquivalentTo(new { State = "success", Description = "Skipped" });
    }

    [Fact]
    public async Task SupersededByANewerCommit_TheOldRunLeavesNoFailedOrStoppedCheck()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        var reporter = world.CreateReporter(SettingsFor(gitHub));
        var oldRun = new PullRequestRun("run-1");
        await oldRun.PlayAsync(reporter, count: 3);
        var postedBeforeThePush = gitHub.Statuses.Count;

        var newer = new PullRequestRun("run-2", sha: "fedcba9876543210fedcba9876543210fedcba98");
        await newer.PlayAsync(reporter, count: 1);
        var stopped = oldRun.After(3).WithStage(new StageStatus(StageNames.Test, StageState.Cancelled)) with { Superseded = true };
        await reporter.StageChangedAsync(stopped, CancellationToken.None);
        await reporter.RunFinishedAsync(stopped with { FinishedAt = stopped.StartedAt.AddMinutes(2) }, CancellationToken.None);

        gitHub.Statuses.Where(status => status.Sha == PullRequestRun.Sha).Should().HaveCount(postedBeforeThePush);
        gitHub.Statuses.Should().NotContain(status => status.State == "error" || status.State == "failure");
        gitHub.LatestByContext("fedcba9876543210fedcba9876543210fedcba98").Values.Should().OnlyContain(status => status.State == "pending")
            .And.HaveCount(4);
    }

    [Fact]
    public async Task SupersededRunOfTheSameCommit_TheNewerRunsStatesStand()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        var reporter = world.CreateReporter(SettingsFor(gitHub));
        var oldRun = new PullRequestRun("run-1");
        await oldRun.PlayAsync(reporter, count: 3);

        var rerun = new PullRequestRun("run-2").First;
        await reporter.RunStartedAsync(rerun, CancellationToken.None);
        var stopped = oldRun.After(3).WithStage(new StageStatus(StageNames.Test, StageState.Cancelled)) with { Superseded = true };
        await reporter.RunFinishedAsync(stopped with { FinishedAt = stopped.StartedAt.AddMinutes(2) }, CancellationToken.None);
        await reporter.RunFinishedAsync(
            rerun with
            {
                Stages = rerun.Stages.Select(stage => stage with { State = StageState.Succeeded }).ToList(),
                FinishedAt = rerun.StartedAt.AddMinutes(5),
            },
            CancellationToken.None);

        gitHub.Statuses.Should().NotContain(status => status.State == "error");
        gitHub.LatestByContext(PullRequestRun.Sha).Values.Should().OnlyContain(status => status.State == "success").And.HaveCount(4);
    }

    [Fact]
    public async Task GitHubEnterprise_PostsUnderApiV3WithTheRepositoryFromTheRemote()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub("/api/v3", "platform/intranet");
        var settings = new StatusSettings
        {
            GitHubToken = TestSecrets.GitHubToken,
            GitHubApiBaseUrl = gitHub.ApiBaseUrl,
            VcsProvider = VcsProvider.GitHub,
        };

        await new PullRequestRun(remote: "git@github.example.com:platform/intranet.git").PlayAsync(world.CreateReporter(settings), count: 1);

        world.Warnings.Should().BeEmpty();
        gitHub.Server.Requests.Should().OnlyContain(request =>
            request.Path == $"/api/v3/repos/platform/intranet/statuses/{PullRequestRun.Sha}");
        gitHub.Statuses.Should().HaveCount(4);
    }

    [Fact]
    public async Task RepositorySetting_PostsThereWhenTheAppHasNoRemote()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        var settings = new StatusSettings
        {
            GitHubToken = TestSecrets.GitHubToken,
            GitHubApiBaseUrl = gitHub.ApiBaseUrl,
            VcsProvider = VcsProvider.GitHub,
            Repository = "acme/drupal-site",
        };

        await new PullRequestRun(remote: null).PlayAsync(world.CreateReporter(settings), count: 1);

        gitHub.Statuses.Should().HaveCount(4).And.OnlyContain(status => status.Repository == "acme/drupal-site");
    }

    [Fact]
    public async Task RemoteOnBitbucketWithOnlyAGitHubToken_WarnsOnceWhatToSet()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();

        await new PullRequestRun(remote: "git@bitbucket.org:acme/drupal-site.git").PlayAsync(world.CreateReporter(SettingsFor(gitHub)));

        gitHub.Server.Requests.Should().BeEmpty();
        world.Warnings.Should().ContainSingle().Which.Should()
            .Contain("bitbucket.org/acme/drupal-site").And.Contain("set BitbucketUsername and BitbucketAppPassword");
    }

    [Fact]
    public async Task RemoteWithCredentialsThatIsNoKnownHost_WarnsWithoutTheCredentials()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();

        await new PullRequestRun(remote: $"https://deploy:{TestSecrets.RemoteCredential}@git.example.com/acme/site.git")
            .PlayAsync(world.CreateReporter(SettingsFor(gitHub)), count: 1);

        world.Warnings.Should().ContainSingle().Which.Should()
            .Contain("git.example.com/acme/site.git").And.Contain("set VcsProvider and Repository");
    }

    [Fact]
    public async Task RejectedToken_WarnsToCheckTheTokenAndTheRunGoesOn()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        var settings = new StatusSettings { GitHubToken = "ghp_wrong", GitHubApiBaseUrl = gitHub.ApiBaseUrl };

        var play = () => new PullRequestRun().PlayAsync(world.CreateReporter(settings));

        await play.Should().NotThrowAsync();
        gitHub.Statuses.Should().BeEmpty();
        world.Warnings.Should().ContainSingle().Which.Should()
            .Contain("HTTP 401, \"Bad credentials\"").And.Contain("check that GITHUB_TOKEN holds a valid token");
    }

    private static StatusSettings SettingsFor(FakeGitHubApi gitHub) => new()
    {
        GitHubToken = TestSecrets.GitHubToken,
        GitHubApiBaseUrl = gitHub.ApiBaseUrl,
    };

    private static IEnumerable<string> StatesOf(IEnumerable<PostedCommitStatus> statuses, string context) =>
        statuses.Where(status => status.Context == context).Select(status => status.State);
}
