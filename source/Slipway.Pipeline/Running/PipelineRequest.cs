using Slipway.Pipeline.Releases;

namespace Slipway.Pipeline.Running;

/// <summary>
/// What to run, as the command line and the service both ask for it: typed values, never a command line, so a
/// branch or commit from a webhook stays the value it is. How runs are run (work folder, platform, timeouts) is
/// the runner's <see cref="PipelineSettings"/>; this names only the run.
/// </summary>
/// <param name="Pipeline">A pipeline of <see cref="Slipway.Status.PipelineNames"/>: PullRequest, Approved, Playground, Teardown, ...</param>
/// <param name="App">The app's source: a git URL, a local git repository or a folder; null when only <see cref="AppName"/> is known (a teardown).</param>
/// <param name="Branch">
/// The branch to build; for Teardown the branch as Slipway keys it (<see cref="Naming.RunIdentity.Key"/>), or null for every branch.
/// </param>
public sealed record PipelineRequest(string Pipeline, string? App, string? Branch)
{
    /// <summary>The app's name when the caller knows it (the service's teardowns); otherwise it comes from <see cref="App"/>.</summary>
    public string? AppName { get; init; }

    /// <summary>An exact commit to build instead of the branch head.</summary>
    public string? Commit { get; init; }

    /// <summary>The fork (owner/name) the branch is in, when it is not the app's own repository's.</summary>
    public string? Fork { get; init; }

    /// <summary>A ref fetched before the commit is resolved (a pull request's refs/pull/N/head, a fork's branch).</summary>
    public string? FetchRef { get; init; }

    /// <summary>Where <see cref="FetchRef"/> is fetched from when not the app's own remote (a fork's git URL).</summary>
    public string? FetchFrom { get; init; }

    /// <summary>The pull request the run is for, linked from its status.</summary>
    public Uri? PullRequestUrl { get; init; }

    /// <summary>The repository's web address for commit statuses, when a webhook named it; otherwise the checkout's remote.</summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>The branch a pull request merges into; null keeps the runner's (the service's <c>--base-branch</c>).</summary>
    public string? BaseBranch { get; init; }

    /// <summary>When the run was asked for (the webhook's arrival in the queue); null keeps the runner's (the command's start).</summary>
    public DateTimeOffset? TriggeredAt { get; init; }

    /// <summary>The service's page of this run, where people open it and its screenshots; null when there is none (a command line).</summary>
    public Uri? RunPageUrl { get; init; }

    /// <summary>What Deploy releases (Approved and Deploy); null releases the next version from the commits since the last.</summary>
    public DeployRequest? Deploy { get; init; }

    /// <summary>For <see cref="Slipway.Status.PipelineNames.Run"/>: the command's words, already checked (allow-list or token).</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The settings of this run: the runner's own with the run's app, branch, commit and fork.</summary>
    public PipelineSettings Apply(PipelineSettings defaults) => defaults with
    {
        App = App ?? defaults.App,
        Branch = Branch ?? "",
        Commit = Commit,
        Fork = Fork,
        FetchRef = FetchRef,
        FetchFrom = FetchFrom,
        PullRequestUrl = PullRequestUrl,
        // Only a pull request has something to be new against.
        BaseBranch = Pipeline == Slipway.Status.PipelineNames.PullRequest ? BaseBranch ?? defaults.BaseBranch : null,
        TriggeredAt = TriggeredAt ?? defaults.TriggeredAt,
        RunPageUrl = RunPageUrl,
    };
}
