using Slipway.Git.Checkout;
using Slipway.Git.Releases;
using Slipway.Git.Tests.Fixtures;

namespace Slipway.Git.Tests.Releases;

/// <summary>
/// The world of a release: a bare remote, a developer's clone that pushes to it, and Slipway's work
/// folder checked out from the remote, where releases are planned and tagged.
/// </summary>
public sealed class ReleaseFixture : IDisposable
{
    private readonly TempFolder temp;

    private ReleaseFixture(TempFolder temp, TestRepository remote, TestRepository developer)
    {
        this.temp = temp;
        Remote = remote;
        Developer = developer;
    }

    public TestRepository Remote { get; }

    public TestRepository Developer { get; }

    public string WorkFolder => temp.Combine("work", "src");

    public ReleasePlanner Planner { get; } = new(TestGit.Cli);

    public ReleaseTagger Tagger { get; } = new(TestGit.Cli);

    public static async Task<ReleaseFixture> CreateAsync()
    {
        var temp = new TempFolder();
        var remote = await TestRepository.CreateBareAsync(temp.Combine("remote.git"));
        var developer = await TestRepository.CreateAsync(temp.Combine("developer"));
        await developer.RunAsync("remote", "add", "origin", remote.Url);
        await developer.RunAsync("push", "--quiet", "origin", "main");
        return new ReleaseFixture(temp, remote, developer);
    }

    /// <summary>Commits in the developer's clone and pushes main; returns the commit id.</summary>
    public async Task<string> CommitAndPushAsync(string message)
    {
        var commit = await Developer.CommitAsync(message);
        await Developer.RunAsync("push", "--quiet", "origin", "main");
        return commit;
    }

    /// <summary>Checks main out into the work folder the way the pipeline does; returns the commit.</summary>
    public async Task<string> CheckOutAsync()
    {
        var checkout = new SourceCheckout(TestGit.Cli);
        var result = await checkout.CheckOutAsync(AppSource.Resolve(Remote.Url, "main", null), WorkFolder, CancellationToken.None);
        return result.Revision;
    }

    public Task<ReleasePlan> PlanAsync(string commit, VersionRequest? request = null) =>
        Planner.PlanAsync(WorkFolder, commit, request ?? VersionRequest.Auto, CancellationToken.None);

    public Task<ReleaseOutcome> ApplyAsync(ReleasePlan plan, ReleaseOptions? options = null) =>
        Tagger.ApplyAsync(plan, options ?? new ReleaseOptions(), CancellationToken.None);

    public async Task<string?> WorkTagCommitAsync(string tag)
    {
        var result = await TestGit.Cli.TryRunAsync(WorkFolder, ["rev-parse", "--verify", "--quiet", $"refs/tags/{tag}^{{commit}}"], CancellationToken.None);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    public Task<string> WorkGitAsync(params string[] arguments) => TestGit.RunAsync(WorkFolder, arguments);

    public void Dispose() => temp.Dispose();
}
