using Slipway.Git.Releases;
using Slipway.Pipeline.Releases;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// The Deploy stage against real git repositories (the app's, and a bare one as its origin) and a real
/// registry, with a tiny image standing in for the tested app image.
/// </summary>
public sealed class DeployStageTests(DeployFixture fixture) : IClassFixture<DeployFixture>
{
    [Fact]
    public async Task Deploy_TagsTheBuiltCommitInTheAppsOrigin_EvenWhenTheBranchMovedOnSinceTheBuild()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("shop")), "feat: shop front");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);
        var mergedAfterTheBuild = await app.CommitAsync("feat: merged while the tests ran");

        var outcome = await run.DeployAsync();

        outcome.Version.Should().Be("0.1.0");
        (await app.RemoteTagCommitAsync("v0.1.0")).Should().Be(run.BuiltCommit).And.NotBe(mergedAfterTheBuild);
        (await app.RemoteTagFieldAsync("v0.1.0", "%(objecttype)")).Should().Be("tag", "a release tag is annotated");
        (await app.RemoteTagFieldAsync("v0.1.0", "%(contents)")).Should().Contain("## v0.1.0").And.Contain("First release.");
    }

    [Fact]
    public async Task Deploy_PushesTheTestedImageUnderTheVersion_AndReportsTheDigestTheRegistryHolds()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("shop")), "feat: shop front");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        var outcome = await run.DeployAsync();

        var repository = run.Run.AppName;
        (await fixture.Registry.TagsAsync(repository)).Should().Equal("0.1.0");
        var digest = await fixture.Registry.ManifestDigestAsync(repository, "0.1.0");
        outcome.Image!.Digest.Should().Be(digest);
        outcome.Image.Reference.Should().Be($"{fixture.Registry.Address}/{repository}:0.1.0");
        outcome.Summary.Should().Contain(digest);
        var tested = await fixture.Docker.InspectImageAsync(run.Built.Image, CancellationToken.None);
        (await fixture.Registry.ConfigDigestAsync(repository, "0.1.0")).Should().Be(tested.Id, "the release is the tested image, not a rebuild");
    }

    [Fact]
    public async Task Deploy_PutsTheVersionAndReleaseNotesIntoTheStatusTheReportersGet()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("shop")), "feat: shop front");
        await app.CommitAsync("fix(cart): totals round to the cent");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        await run.DeployAsync();

        var status = run.Reporter.Last!;
        status.Version.Should().Be("0.1.0");
        status.ReleaseNotes.Should().Contain("## v0.1.0").And.Contain("**cart:** totals round to the cent").And.Contain("shop front");
        run.DeployStage!.State.Should().Be(StageState.Succeeded);
        run.DeployStage.Summary.Should().Contain("v0.1.0").And.Contain($"{run.Run.AppName}:0.1.0");
    }

    [Theory]
    [InlineData("v0.1.0", "fix(search): empty results page", "0.1.1")]
    [InlineData("v0.1.0", "feat: dark mode", "0.2.0")]
    [InlineData("v0.3.1", "refactor!: drop the old routes", "0.4.0")]
    [InlineData("v1.2.3", "feat(api): v2 routes\n\nBREAKING CHANGE: the v1 routes are gone", "2.0.0")]
    public async Task Deploy_WithAutoBump_RaisesTheReleaseInTheRemoteByTheConventionalCommitsSince(string lastRelease, string message, string expected)
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("bump")), "feat: shop front");
        await ReleasedOnlyInTheRemoteAsync(app, lastRelease);
        await app.CommitAsync("docs: explain the hooks");
        await app.CommitAsync(message);
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        var outcome = await run.DeployAsync(new DeployRequest(VersionRequest.Parse("auto")));

        outcome.Version.Should().Be(expected);
        (await app.RemoteTagCommitAsync($"v{expected}")).Should().Be(run.BuiltCommit);
        (await fixture.Registry.TagsAsync(run.Run.AppName)).Should().Equal(expected);
    }

    [Theory]
    [InlineData("minor", "1.3.0")]
    [InlineData("major", "2.0.0")]
    [InlineData("1.7.0", "1.7.0")]
    public async Task Deploy_WithABumpLevelOrAVersion_ReleasesThatRatherThanWhatTheCommitsSay(string asked, string expected)
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("asked")), "feat: shop front");
        await ReleasedOnlyInTheRemoteAsync(app, "v1.2.3");
        await app.CommitAsync("fix: typo on the front page");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        var outcome = await run.DeployAsync(new DeployRequest(VersionRequest.Parse(asked)));

        outcome.Version.Should().Be(expected);
        (await app.RemoteTagCommitAsync($"v{expected}")).Should().Be(run.BuiltCommit);
    }

    [Fact]
    public async Task Deploy_RunAgainOnTheSameCommit_HasNothingToDo_AndLeavesTheReleasedImageAlone()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("again")), "feat: shop front");
        using var first = await DeploySession.BuiltAsync(fixture, app.Path);
        var released = await first.DeployAsync();

        using var second = await DeploySession.BuiltAsync(fixture, app.Path, workDirectory: first.WorkDirectory, build: "rebuilt");
        var again = await second.DeployAsync(new DeployRequest(VersionRequest.Parse("major")));

        again.Release.NothingToDo.Should().BeTrue();
        again.Summary.Should().Contain("v0.1.0 is already released").And.Contain("nothing to do").And.Contain("not pushed again");
        again.Image!.Digest.Should().Be(released.Image!.Digest);
        (await app.RemoteTagsAsync()).Should().Equal("v0.1.0");
        (await fixture.Registry.ManifestDigestAsync(first.Run.AppName, "0.1.0")).Should().Be(released.Image.Digest, "a released version's image never changes");
    }

    [Fact]
    public async Task Deploy_RunAgainAfterTheRegistryLostTheImage_PushesThisRunsTestedImageUnderTheVersion()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("lost")), "feat: shop front");
        using var first = await DeploySession.BuiltAsync(fixture, app.Path);
        var released = await first.DeployAsync();
        var repository = first.Run.AppName;
        await fixture.Registry.DeleteAsync(repository, released.Image!.Digest!);

        using var second = await DeploySession.BuiltAsync(fixture, app.Path, workDirectory: first.WorkDirectory, build: "rebuilt");
        var again = await second.DeployAsync();

        again.Release.NothingToDo.Should().BeTrue();
        (await fixture.Registry.ManifestDigestAsync(repository, "0.1.0")).Should().Be(again.Image!.Digest);
        var tested = await fixture.Docker.InspectImageAsync(second.Built.Image, CancellationToken.None);
        (await fixture.Registry.ConfigDigestAsync(repository, "0.1.0")).Should().Be(tested.Id);
    }

    [Fact]
    public async Task Deploy_OfARepositoryWithoutOrigin_TagsTheAppRepositoryItself()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("solo")), "feat: shop front", withRemote: false);
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        await run.DeployAsync();

        (await app.RemoteTagCommitAsync("v0.1.0")).Should().Be(run.BuiltCommit);
    }

    /// <summary>An earlier release by Slipway: tagged in the remote only, never fetched into the app's folder.</summary>
    private static async Task ReleasedOnlyInTheRemoteAsync(AppRepository app, string tag)
    {
        await app.TagAndPushAsync(tag, await app.GitAsync("rev-parse", "HEAD"));
        await app.GitAsync("tag", "--delete", tag);
    }
}
