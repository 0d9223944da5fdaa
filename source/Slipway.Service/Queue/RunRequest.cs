using Slipway.Status;

namespace Slipway.Service.Queue;

/// <summary>What a run should do, as a webhook, the form, the API or a schedule asked for it.</summary>
/// <param name="Pipeline">The target to run: PullRequest, Approved, Teardown, Playground, ...</param>
/// <param name="AppName">The app's name as a slug; it labels the resources of the app's runs.</param>
/// <param name="App">The app's source (git URL, repository or folder); null when only its name is known (a teardown).</param>
/// <param name="Branch">The branch to build or tear down.</param>
/// <param name="Commit">The exact commit to build, when the trigger names one.</param>
/// <param name="Repository">The repository's full name (owner/name, workspace/slug), when a webhook gave it.</param>
/// <param name="PullRequest">The pull request's number.</param>
/// <param name="PullRequestUrl">The pull request's page.</param>
/// <param name="Trigger">Who asked: github, bitbucket, form, api or schedule.</param>
/// <param name="DeliveryId">The webhook's delivery id (provider-prefixed); a second delivery with the same id is not queued again.</param>
/// <param name="Command">For <see cref="PipelineNames.Run"/>: the command's words, already checked against the allow-list or the token.</param>
public sealed record RunRequest(
    string Pipeline,
    string AppName,
    string? App,
    string Branch,
    string? Commit = null,
    string? Repository = null,
    int? PullRequest = null,
    string? PullRequestUrl = null,
    string Trigger = RunTriggers.Api,
    string? DeliveryId = null,
    IReadOnlyList<string>? Command = null)
{
    /// <summary>
    /// Queue the run only when the commit differs from the last PullRequest run's of the same pull request (Bitbucket
    /// sends <c>pullrequest:updated</c> for title and reviewer edits too). Checked when the run is stored; not kept.
    /// </summary>
    public bool OnlyWhenCommitChanged { get; init; }

    /// <summary>
    /// The branch a pull request merges into, as its webhook named it: what the run's findings and failing tests are
    /// new against. Null keeps the service's <c>--base-branch</c>.
    /// </summary>
    public string? BaseBranch { get; init; }

    /// <summary>A newer run of these pipelines for the same branch supersedes a queued or running PullRequest.</summary>
    public bool SupersedesPullRequests => Pipeline is PipelineNames.PullRequest or PipelineNames.Teardown;

    /// <summary>The repository's web address on the service whose webhook asked for the run, for commit statuses; null otherwise.</summary>
    public string? RepositoryUrl => (Trigger, Repository) switch
    {
        (_, null) => null,
        (RunTriggers.GitHub, var name) => $"https://github.com/{name}",
        (RunTriggers.Bitbucket, var name) => $"https://bitbucket.org/{name}",
        _ => null,
    };
}

/// <summary>Who asked for a run.</summary>
public static class RunTriggers
{
    public const string GitHub = "github";
    public const string Bitbucket = "bitbucket";
    public const string Form = "form";
    public const string Api = "api";
    public const string Schedule = "schedule";
}
