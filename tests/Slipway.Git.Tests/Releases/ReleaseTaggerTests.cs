using Slipway.Git.Releases;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Releases;

public sealed class ReleaseTaggerTests : IAsyncLifetime
{
    private ReleaseFixture world = null!;

    public async Task InitializeAsync() => world = await ReleaseFixture.CreateAsync();

    public Task DisposeAsync()
    {
        world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Apply_BranchMovedOnSinceTheCheckout_TagsTheExactCommitAndPushesIt()
    {
        var approved = await world.CommitAndPushAsync("feat: approved change");
        await world.CheckOutAsync();
        var plan = await world.PlanAsync(approved);
        await world.CommitAndPushAsync("feat: merged later");
        await world.CheckOutAsync();

        var outcome = await world.ApplyAsync(plan);

        outcome.TagCreation.Should().Be(ReleaseStepState.Done);
        outcome.TagPush.Should().Be(ReleaseStepState.Done);
        outcome.Summary.Should().Be($"Created tag v0.1.0 on {approved[..7]} and pushed it to origin.");
        (await world.WorkTagCommitAsync("v0.1.0")).Should().Be(approved);
        (await world.Remote.TagCommitAsync("v0.1.0")).Should().Be(approved, "the remote has the tag on the approved commit");
    }

    [Fact]
    public async Task Apply_Tag_IsAnnotatedWithTheReleaseNotes()
    {
        await world.CommitAndPushAsync("fix(search): empty results page");
        var plan = await world.PlanAsync(await world.CheckOutAsync());

        await world.ApplyAsync(plan, new ReleaseOptions(Tagger: new GitIdentity("Release Bot", "bot@example.test")));

        (await world.Remote.RunAsync("cat-file", "-t", "refs/tags/v0.1.0")).Should().Be("tag");
        (await world.Remote.RunAsync("tag", "--list", "--format=%(contents)", "v0.1.0")).Should().Be(plan.Notes.TrimEnd());
        plan.Notes.Should().Contain("## v0.1.0").And.Contain("- **search:** empty results page");
        (await world.Remote.RunAsync("tag", "--list", "--format=%(taggername) %(taggeremail)", "v0.1.0"))
            .Should().Be("Release Bot <bot@example.test>");
    }

    [Fact]
    public async Task ReleaseRunTwice_SecondRunHasNothingToDo()
    {
        var commit = await world.CommitAndPushAsync("feat: first feature");
        await world.CheckOutAsync();
        await world.ApplyAsync(await world.PlanAsync(commit));

        await world.CheckOutAsync();
        var again = await world.PlanAsync(commit, new VersionRequest(BumpLevel.Minor));
        var outcome = await world.ApplyAsync(again);

        again.AlreadyReleased.Should().BeTrue();
        again.Tag.Should().Be("v0.1.0");
        outcome.NothingToDo.Should().BeTrue();
        outcome.Summary.Should().Be($"v0.1.0 is already released on {commit[..7]} and on origin: nothing to do.");
        (await world.Remote.RunAsync("tag", "--list")).Should().Be("v0.1.0");
    }

    [Fact]
    public async Task Apply_TagMadeEarlierButNeverPushed_IsPushedNow()
    {
        var commit = await world.CommitAndPushAsync("feat: first feature");
        await world.CheckOutAsync();
        var plan = await world.PlanAsync(commit);
        await world.ApplyAsync(plan, new ReleaseOptions(Remote: null));

        var outcome = await world.ApplyAsync(plan);

        outcome.TagCreation.Should().Be(ReleaseStepState.AlreadyDone);
        outcome.TagPush.Should().Be(ReleaseStepState.Done);
        (await world.Remote.TagCommitAsync("v0.1.0")).Should().Be(commit);
    }

    [Fact]
    public async Task Apply_NoRemote_KeepsTheTagLocal()
    {
        var commit = await world.CheckOutAsync();

        var outcome = await world.ApplyAsync(await world.PlanAsync(commit), new ReleaseOptions(Remote: null));

        outcome.TagPush.Should().Be(ReleaseStepState.Skipped);
        (await world.WorkTagCommitAsync("v0.1.0")).Should().Be(commit);
        (await world.Remote.TagCommitAsync("v0.1.0")).Should().BeNull();
    }

    [Fact]
    public async Task Apply_VersionTagOnAnotherCommitOnTheRemote_IsRefused()
    {
        var approved = await world.CommitAndPushAsync("fix: approved");
        await world.CheckOutAsync();
        var plan = await world.PlanAsync(approved);
        // Someone released the same version from another branch meanwhile.
        await world.Developer.RunAsync("switch", "--quiet", "--create", "hotfix");
        var other = await world.Developer.CommitAsync("fix: hotfix");
        await world.Developer.RunAsync("tag", "v0.1.0");
        await world.Developer.RunAsync("push", "--quiet", "origin", "refs/tags/v0.1.0");

        var act = () => world.ApplyAsync(plan);

        await act.Should().ThrowAsync<ReleaseException>().WithMessage(
            $"Tag v0.1.0 already exists on the remote origin on commit {other[..7]}, not on {approved[..7]}: release another version, or delete that tag if it was made by mistake.");
        (await world.WorkTagCommitAsync("v0.1.0")).Should().BeNull("a refused release changes nothing");
    }

    [Fact]
    public async Task Apply_VersionTagOnAnotherCommitLocally_IsRefused()
    {
        var first = await world.CheckOutAsync();
        var approved = await world.CommitAndPushAsync("fix: approved");
        await world.CheckOutAsync();
        var plan = await world.PlanAsync(approved);
        await world.WorkGitAsync("tag", "v0.1.0", first);

        var act = () => world.ApplyAsync(plan);

        await act.Should().ThrowAsync<ReleaseException>()
            .WithMessage($"Tag v0.1.0 already exists in this repository on commit {first[..7]}, not on {approved[..7]}*");
        (await world.Remote.TagCommitAsync("v0.1.0")).Should().BeNull();
    }

    [Fact]
    public async Task Apply_DryRun_SaysWhatItWouldDoAndChangesNothing()
    {
        var commit = await world.CheckOutAsync();
        var plan = await world.PlanAsync(commit);

        var outcome = await world.ApplyAsync(plan, new ReleaseOptions(DryRun: true));

        outcome.TagCreation.Should().Be(ReleaseStepState.WouldDo);
        outcome.TagPush.Should().Be(ReleaseStepState.WouldDo);
        outcome.Summary.Should().Be($"Dry run: would create tag v0.1.0 on {commit[..7]} and would push it to origin; nothing was changed.");
        (await world.WorkGitAsync("tag", "--list")).Should().BeEmpty();
        (await world.Remote.RunAsync("tag", "--list")).Should().BeEmpty();
    }

    [Fact]
    public async Task Apply_DryRunWithAConflictingTag_IsRefusedToo()
    {
        var first = await world.CheckOutAsync();
        var approved = await world.CommitAndPushAsync("fix: approved");
        await world.CheckOutAsync();
        var plan = await world.PlanAsync(approved);
        await world.WorkGitAsync("tag", "v0.1.0", first);

        var act = () => world.ApplyAsync(plan, new ReleaseOptions(DryRun: true));

        await act.Should().ThrowAsync<ReleaseException>().WithMessage("Tag v0.1.0 already exists*");
    }

    [Fact]
    public async Task Apply_UnreachableRemoteWithCredentials_FailsWithoutTheSecretAndWithoutTagging()
    {
        var commit = await world.CheckOutAsync();
        var plan = await world.PlanAsync(commit);

        var act = () => world.ApplyAsync(plan, new ReleaseOptions(Remote: "https://releaser:pa55-w0rd@127.0.0.1:1/app.git"));

        var failure = (await act.Should().ThrowAsync<ReleaseException>()).Which;
        failure.Message.Should().StartWith("Cannot read the tags of the remote https://***@127.0.0.1:1/app.git: ");
        failure.ToString().Should().NotContain("pa55-w0rd");
        (await world.WorkTagCommitAsync("v0.1.0")).Should().BeNull();
    }
}
