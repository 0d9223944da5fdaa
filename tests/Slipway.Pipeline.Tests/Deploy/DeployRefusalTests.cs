using Slipway.Engine;
using Slipway.Git.Releases;
using Slipway.Pipeline.Releases;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>What Deploy refuses, and its dry run: in every case nothing is tagged and nothing is pushed.</summary>
public sealed class DeployRefusalTests(DeployFixture fixture) : IClassFixture<DeployFixture>
{
    [Fact]
    public async Task Deploy_WhenTheVersionTagIsOnAnotherCommit_RefusesInOneSentenceAndChangesNothing()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("hotfix")), "feat: shop front");
        await app.GitAsync("checkout", "--quiet", "-b", "hotfix");
        var hotfix = await app.CommitAsync("fix: an abandoned hotfix");
        await app.TagAndPushAsync("v0.1.0", hotfix);
        await app.GitAsync("checkout", "--quiet", "main");
        await app.CommitAsync("feat: the next feature");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        var deploying = () => run.DeployAsync();

        var refusal = (await deploying.Should().ThrowAsync<ReleaseException>()).Which.Message;
        refusal.Should().Contain("Tag v0.1.0 already exists").And.Contain(hotfix[..7]).And.Contain(run.BuiltCommit[..7]).And.NotContain("\n");
        (await app.RemoteTagCommitAsync("v0.1.0")).Should().Be(hotfix);
        (await fixture.Registry.TagsAsync(run.Run.AppName)).Should().BeEmpty();
        run.DeployStage!.State.Should().Be(StageState.Failed);
    }

    [Fact]
    public async Task Deploy_DryRun_SaysWhatItWouldTagAndPush_AndChangesNothing()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("dry")), "feat: shop front");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        var outcome = await run.DeployAsync(new DeployRequest(VersionRequest.Auto, DryRun: true));

        outcome.DryRun.Should().BeTrue();
        outcome.Summary.Should()
            .Contain($"Dry run: would create tag v0.1.0 on {run.BuiltCommit[..7]}")
            .And.Contain("nothing was changed")
            .And.Contain($"would push {run.Built.Image} as {fixture.Registry.Address}/{run.Run.AppName}:0.1.0");
        (await app.RemoteTagsAsync()).Should().BeEmpty();
        (await fixture.Registry.TagsAsync(run.Run.AppName)).Should().BeEmpty();
        run.Reporter.Last!.Version.Should().BeNull("a dry run releases nothing");
    }

    [Theory]
    [InlineData(TestOutcome.Failed)]
    [InlineData(TestOutcome.Error)]
    public async Task Deploy_AfterAFailingTest_RefusesBeforeTaggingOrPushing(TestOutcome outcome)
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("red")), "feat: shop front");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path, DeploySession.TestsWith(outcome));

        var deploying = () => run.DeployAsync();

        (await deploying.Should().ThrowAsync<BuildFailedException>()).Which.Message.Should().Contain("1 of 1 failed");
        (await app.RemoteTagsAsync()).Should().BeEmpty();
        (await fixture.Registry.TagsAsync(run.Run.AppName)).Should().BeEmpty();
    }

    [Fact]
    public async Task Deploy_WhenTheTestResultsCouldNotBeRead_Refuses()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("unread")), "feat: shop front");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path, TaskResults.FailedToStart("tests", "no such image"));

        var deploying = () => run.DeployAsync();

        (await deploying.Should().ThrowAsync<BuildFailedException>()).Which.Message.Should().Contain("test results could not be read");
        (await app.RemoteTagsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Deploy_OfAPlainFolder_IsRefusedInOneSentence()
    {
        var folder = Directory.CreateDirectory(fixture.PathOf(fixture.NewApp("folder"))).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "index.php"), "<?php echo 'hi';\n");
        using var run = await DeploySession.BuiltAsync(fixture, folder);

        var deploying = () => run.DeployAsync();

        (await deploying.Should().ThrowAsync<BuildFailedException>()).Which.Message.Should()
            .Contain("plain folder").And.Contain("point --app at a git repository").And.NotContain("\n");
        (await fixture.Registry.TagsAsync(run.Run.AppName)).Should().BeEmpty();
    }

    [Fact]
    public async Task Deploy_ToARemoteTheAppRepositoryDoesNotHave_NamesTheRemoteToFix()
    {
        var app = await AppRepository.CreateAsync(fixture.PathOf(fixture.NewApp("upstream")), "feat: shop front");
        using var run = await DeploySession.BuiltAsync(fixture, app.Path);

        var deploying = () => run.DeployAsync(new DeployRequest(VersionRequest.Auto, Remote: "upstream"));

        (await deploying.Should().ThrowAsync<ReleaseException>()).Which.Message.Should().Contain("no remote named 'upstream'").And.Contain("--remote");
        (await fixture.Registry.TagsAsync(run.Run.AppName)).Should().BeEmpty();
    }
}
