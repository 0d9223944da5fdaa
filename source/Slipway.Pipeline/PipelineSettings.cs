namespace Slipway.Pipeline;

/// <summary>Which base images the Dockerfiles start from.</summary>
public enum BaseImageChoice
{
    /// <summary>The official images when the engine has them or no offline ones were made; the offline ones otherwise.</summary>
    Auto,

    /// <summary>The official/public images (php:8.2-apache, ...), pulled by the engine as needed.</summary>
    Official,

    /// <summary>The images made from Debian packages by scripts/make-base-images.sh.</summary>
    Offline,
}

/// <summary>Everything a pipeline run needs to know, resolved from the build's parameters.</summary>
/// <param name="SlipwayRoot">The Slipway checkout: holds docker/ (each image with the scripts it runs) and the default devops_hooks/.</param>
/// <param name="WorkDirectory">Where runs keep their working copies, caches and reports (.nuke/temp).</param>
/// <param name="App">A git URL, a local git repository or a plain folder.</param>
/// <param name="Branch">The branch to build (for a plain folder: the name the build is known by).</param>
/// <param name="Commit">An exact commit to build instead of the branch head.</param>
/// <param name="PullRequestUrl">The pull request the run is for, linked from its status messages.</param>
/// <param name="AnalysisFailsOn">Which findings make the analysis stage red (default: code that does not parse).</param>
/// <param name="Fork">The fork (owner/name) the branch is in, when the code is not the app's own repository's: part of the run's identity.</param>
/// <param name="FetchRef">A ref fetched explicitly before the commit is resolved (a pull request's <c>refs/pull/N/head</c>, a fork's branch).</param>
/// <param name="FetchFrom">Where <paramref name="FetchRef"/> is fetched from, when not the app's own remote (a fork's repository).</param>
/// <param name="BaseBranch">The branch a pull request merges into: findings and failing tests not in its latest completed run are new.</param>
/// <param name="TriggeredAt">When the run was asked for (the webhook received, the command started), for the time to the playground.</param>
public sealed record PipelineSettings(
    string SlipwayRoot,
    string WorkDirectory,
    string App,
    string Branch,
    string? Commit = null,
    BaseImageChoice BaseImages = BaseImageChoice.Auto,
    string? DatabaseUrl = null,
    Uri? PullRequestUrl = null,
    Stages.AnalysisFailsOn AnalysisFailsOn = Stages.AnalysisFailsOn.Syntax,
    string? Fork = null,
    string? FetchRef = null,
    string? FetchFrom = null,
    string? BaseBranch = null,
    DateTimeOffset? TriggeredAt = null)
{
    /// <summary>How long a new playground may take to answer (<c>--playground-timeout</c>, in seconds on the command line).</summary>
    public TimeSpan PlaygroundTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a build, test or analysis task may run before it is stopped (<c>--task-timeout</c>, in minutes).</summary>
    public TimeSpan TaskTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// The password of the playground's basic auth, for apps whose <c>.slipway.yml</c> asks for it
    /// (<c>playground.basic_auth</c>): Slipway's secret, handed to the playground as a file, never logged.
    /// </summary>
    public string? PlaygroundPassword { get; init; }

    /// <summary>
    /// The page people open for this run (the service's <c>/runs/{id}</c> under its <c>--public-url</c>): the link of its
    /// statuses, and the base of its screenshots' links (<c>…/screenshots/&lt;name&gt;</c>). Null from the command line:
    /// such a run has no page anyone else can open, so it links none.
    /// </summary>
    public Uri? RunPageUrl { get; init; }

    public override string ToString() =>
        $"app {App}, branch {Branch}{(Fork is null ? "" : $" of the fork {Fork}")}{(Commit is null ? "" : $", commit {Commit}")}";
}
