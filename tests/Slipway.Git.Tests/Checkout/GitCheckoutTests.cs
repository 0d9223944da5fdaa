using Slipway.Git.Checkout;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Checkout;

public sealed class GitCheckoutTests : IAsyncLifetime
{
    private GitCheckoutFixture world = null!;

    public async Task InitializeAsync() => world = await GitCheckoutFixture.CreateAsync();

    public Task DisposeAsync()
    {
        world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CheckOut_Branch_ChecksOutItsHeadDetached()
    {
        var result = await world.CheckOutAsync("feature/x");

        result.Should().Be(new CheckoutResult(world.FeatureCommit, IsCommit: true, "feature/x", world.App.Url, world.WorkFolder));
        world.ReadWork("index.php").Should().Contain("feature");
        (await TestGit.RunAsync(world.WorkFolder, "rev-parse", "HEAD")).Should().Be(world.FeatureCommit);
        (await TestGit.RunAsync(world.WorkFolder, "branch", "--show-current")).Should().BeEmpty("HEAD is detached at the commit");
    }

    [Fact]
    public async Task CheckOut_CommitAndBranch_CommitWins()
    {
        var result = await world.CheckOutAsync("feature/x", commit: world.MainCommit[..10]);

        result.Revision.Should().Be(world.MainCommit);
        result.Branch.Should().Be("feature/x");
        world.ReadWork("index.php").Should().Contain("main");
    }

    [Fact]
    public async Task CheckOut_NoBranch_UsesTheDefaultBranch()
    {
        var result = await world.CheckOutAsync(branch: null);

        result.Branch.Should().Be("main");
        result.Revision.Should().Be(world.MainCommit);
    }

    [Fact]
    public async Task CheckOut_SecondRun_FetchesNewCommits()
    {
        await world.CheckOutAsync("main");
        world.App.Write("index.php", "<?php echo 'main v2';\n");
        var newer = await world.App.CommitAsync("fix: front page typo");

        var result = await world.CheckOutAsync("main");

        result.Revision.Should().Be(newer);
        world.ReadWork("index.php").Should().Contain("main v2");
    }

    [Fact]
    public async Task CheckOut_SecondRun_RevertsTrackedChangesAndKeepsBuildOutputs()
    {
        await world.CheckOutAsync("main");
        world.WriteWork("index.php", "<?php echo 'edited by a build';\n");
        world.WriteWork("stray.txt", "left behind");
        world.WriteWork("vendor/autoload.php", "<?php // ignored by the app\n");
        world.WriteWork("web/themes/site/node_modules/x/index.js", "// not ignored by the app\n");
        world.WriteWork("web/themes/site/dist/site.css", "body{}\n");

        await world.CheckOutAsync("feature/x");

        world.ReadWork("index.php").Should().Contain("feature");
        File.Exists(world.WorkPath("stray.txt")).Should().BeFalse();
        File.Exists(world.WorkPath("vendor/autoload.php")).Should().BeTrue();
        File.Exists(world.WorkPath("web/themes/site/node_modules/x/index.js")).Should().BeTrue();
        File.Exists(world.WorkPath("web/themes/site/dist/site.css")).Should().BeTrue();
    }

    [Fact]
    public async Task CheckOut_UnknownBranch_SaysSoAndListsTheBranches()
    {
        var act = () => world.CheckOutAsync("feature/nope");

        (await act.Should().ThrowAsync<CheckoutException>()).Which.Message.Should().Be(
            $"Branch 'feature/nope' does not exist in {world.App.Url}: check --branch (branches there: feature/x, main).");
    }

    [Fact]
    public async Task CheckOut_UnknownCommit_SaysSo()
    {
        var act = () => world.CheckOutAsync("main", commit: new string('e', 40));

        (await act.Should().ThrowAsync<CheckoutException>()).Which.Message.Should().StartWith(
            $"Commit '{new string('e', 40)}' does not exist in {world.App.Url}");
    }

    [Fact]
    public async Task CheckOut_UnreachableUrlWithCredentials_FailsInOneSentenceWithoutTheSecret()
    {
        var act = () => world.CheckOutAsync("main", app: "https://deployer:s3cret-t0ken@127.0.0.1:1/team/app.git");

        var failure = (await act.Should().ThrowAsync<CheckoutException>()).Which;
        failure.Message.Should().StartWith("Cannot fetch the app from https://***@127.0.0.1:1/team/app.git: ")
            .And.EndWith("check --app and your access to it.");
        failure.ToString().Should().NotContain("s3cret-t0ken");
    }

    [Fact]
    public async Task CheckOut_MissingRepository_FailsNamingTheUrl()
    {
        var missing = new Uri(world.Combine("missing.git")).AbsoluteUri;

        var act = () => world.CheckOutAsync("main", app: missing);

        (await act.Should().ThrowAsync<CheckoutException>()).Which.Message.Should().StartWith($"Cannot fetch the app from {missing}: ");
    }

    [Fact]
    public async Task CheckOut_LocalRepositoryPath_ReportsItsOriginAsTheRemote()
    {
        await world.App.RunAsync("remote", "add", "origin", "https://ci:tok3n@git.example.com/team/app.git");

        var result = await world.CheckOutAsync("feature/x", app: world.App.Path);

        result.Revision.Should().Be(world.FeatureCommit);
        result.RemoteUrl.Should().Be("https://***@git.example.com/team/app.git");
    }

    [Fact]
    public async Task CheckOut_WorkFolderHoldingAnEarlierFolderMirror_BecomesACheckout()
    {
        world.WriteWork("index.php", "<?php echo 'mirrored';\n");
        world.WriteWork("vendor/autoload.php", "<?php\n");

        var result = await world.CheckOutAsync("main");

        result.Revision.Should().Be(world.MainCommit);
        world.ReadWork("index.php").Should().Contain("main");
        File.Exists(world.WorkPath("vendor/autoload.php")).Should().BeTrue();
    }
}
