namespace Slipway.Status;

/// <summary>
/// An immutable snapshot of a run, handed to every <see cref="IRunStatusReporter"/> call. Make the next
/// snapshot with <c>with</c> or <see cref="WithStage"/>; lists are complete, reporters shorten them.
/// </summary>
public sealed record RunStatus
{
    /// <summary>Identifies the run; reporters keep their per-run state (Slack message, posted statuses) under it.</summary>
    public required string RunId { get; init; }

    /// <summary>The composite target that runs: "PullRequest", "Approved", "Playground", ...</summary>
    public required string Pipeline { get; init; }

    /// <summary>The application's name.</summary>
    public required string App { get; init; }

    /// <summary>The branch being built.</summary>
    public required string Branch { get; init; }

    /// <summary>The full commit SHA the statuses are posted on.</summary>
    public required string CommitSha { get; init; }

    /// <summary>When the run started.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>When the run ended; null while it runs.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>The pull request's page, when the run builds one.</summary>
    public Uri? PullRequestUrl { get; init; }

    /// <summary>
    /// The app's git remote (https, scp-like or ssh), from which the VCS provider and repository are read.
    /// It may hold credentials: reporters never print it as given.
    /// </summary>
    public string? RepositoryUrl { get; init; }

    /// <summary>A page about this run (a CI log, a dashboard), used as the link of commit statuses.</summary>
    public Uri? RunUrl { get; init; }

    /// <summary>The stages in the order they run.</summary>
    public IReadOnlyList<StageStatus> Stages { get; init; } = [];

    /// <summary>The playground's address once it serves.</summary>
    public Uri? PlaygroundUrl { get; init; }

    /// <summary>Test totals once tests have run.</summary>
    public TestTotals? TestTotals { get; init; }

    /// <summary>Finding totals once analysis has run.</summary>
    public FindingTotals? FindingTotals { get; init; }

    /// <summary>Every failing test; reporters show the first few and count the rest.</summary>
    public IReadOnlyList<FailureItem> FailingTests { get; init; } = [];

    /// <summary>Every finding, most severe first; reporters show the first few and count the rest.</summary>
    public IReadOnlyList<FailureItem> Findings { get; init; } = [];

    /// <summary>Every screenshot the run's tests handed back that has an address people can open; empty without one.</summary>
    public IReadOnlyList<ScreenshotLink> Screenshots { get; init; } = [];

    /// <summary>Which failing tests and findings are new against the base branch; null until the report is written.</summary>
    public ChangeCounts? Changes { get; init; }

    /// <summary>The run report in Markdown (report.md), for check summaries; null until it is written.</summary>
    public string? ReportMarkdown { get; init; }

    /// <summary>"task time 3 m 10 s, about $0.0123; playground up after 95 s", once measured.</summary>
    public string? CostSummary { get; init; }

    /// <summary>Markdown release notes of a deploy.</summary>
    public string? ReleaseNotes { get; init; }

    /// <summary>The version a deploy tagged.</summary>
    public string? Version { get; init; }

    /// <summary>
    /// A newer push replaced this run. From the first snapshot that says so, reporters post nothing more
    /// to the commit, so the stop does not leave a failed or stopped check behind.
    /// </summary>
    public bool Superseded { get; init; }

    /// <summary>
    /// Orders the snapshots of one run: each one the pipeline makes is numbered above the one before.
    /// Reporters handle them in that order and drop one older than the last they handled, so a stage never
    /// looks as if it went back. 0 means unnumbered: always handled, in the order the calls come.
    /// </summary>
    public long Sequence { get; init; }

    /// <summary>This snapshot with the stage of the same name replaced, or appended when it is new.</summary>
    public RunStatus WithStage(StageStatus stage)
    {
        var stages = Stages.ToList();
        var index = stages.FindIndex(existing => existing.Name == stage.Name);
        if (index >= 0)
        {
            stages[index] = stage;
        }
        else
        {
            stages.Add(stage);
        }

        return this with { Stages = stages };
    }

    /// <summary>A short description without the remote URL, which may carry credentials.</summary>
    public override string ToString() =>
        $"Run {RunId} ({Pipeline}) of {App} on {Branch} at {CommitSha[..Math.Min(7, CommitSha.Length)]}";
}
