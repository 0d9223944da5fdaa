using Slipway.Git.Checkout;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Checkout;

/// <summary>
/// A fork's pull request: its commit is on no branch of the app's repository. GitHub keeps it at
/// <c>refs/pull/&lt;n&gt;/head</c>; Bitbucket only in the fork. Fetched explicitly, even a 12-digit short hash resolves.
/// </summary>
public sealed class PullRequestRefCheckoutTests : IAsyncLifetime
{
    private GitCheckoutFixture world = null!;
    private string forkCommit = null!;

    public async Task InitializeAsync()
    {
        world = await GitCheckoutFixture.CreateAsync();
        await world.App.RunAsync("switch", "--quiet", "--create", "fork-work");
        world.App.Write("index.php", "<?php echo 'fork';\n");
        forkCommit = await world.App.CommitAsync("feat: the fork's change");
        // As GitHub keeps it: the pull request's ref on the base repository, no branch holding the commit.
        await world.App.RunAsync("update-ref", "refs/pull/43/head", forkCommit);
        await world.App.RunAsync("switch", "--quiet", "main");
        await world.App.RunAsync("branch", "--quiet", "-D", "fork-work");
    }

    public Task DisposeAsync()
    {
        world.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ShortHashOfAForksCommit_DoesNotResolveFromTheBranchesAlone()
    {
        var checkout = () => world.CheckOutAsync("main", forkCommit[..12]);

        await checkout.Should().ThrowAsync<CheckoutException>();
    }

    [Fact]
    public async Task ShortHashOfAForksCommit_ResolvesOnceThePullRequestsRefIsFetched()
    {
        var source = AppSource.Resolve(world.App.Url, "main", forkCommit[..12]).WithFetch("refs/pull/43/head", null);

        var result = await world.Checkout.CheckOutAsync(source, world.WorkFolder, CancellationToken.None);

        result.Revision.Should().Be(forkCommit);
        world.ReadWork("index.php").Should().Contain("fork");
    }

    [Fact]
    public async Task ForksBranch_IsFetchedFromTheFork()
    {
        var fork = await TestRepository.CreateAsync(world.Combine("fork"));
        fork.Write("index.php", "<?php echo 'from the fork';\n");
        var commit = await fork.CommitAsync("feat: fork only");
        var source = AppSource.Resolve(world.App.Url, "main", commit[..12]).WithFetch("refs/heads/main", fork.Url);

        var result = await world.Checkout.CheckOutAsync(source, world.WorkFolder, CancellationToken.None);

        result.Revision.Should().Be(commit);
        world.ReadWork("index.php").Should().Contain("from the fork");
    }

    [Theory]
    [InlineData("--upload-pack=touch /tmp/x")]
    [InlineData("refs/pull/x/head")]
    [InlineData("refs/heads/-bad")]
    [InlineData("HEAD")]
    public void WithFetch_ARefThatIsNotAPullRequestsOrABranchs_IsRefused(string reference)
    {
        var fetch = () => AppSource.Resolve(world.App.Url, "main", null).WithFetch(reference, null);

        fetch.Should().Throw<CheckoutException>().WithMessage("*--fetch-ref*");
    }
}
