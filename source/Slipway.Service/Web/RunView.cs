using Slipway.Service.Queue;

namespace Slipway.Service.Web;

/// <summary>A run as the API returns it.</summary>
public sealed record RunView(
    string Id,
    string State,
    string Pipeline,
    string App,
    string Branch,
    string? Commit,
    string? Repository,
    int? PullRequest,
    string? PullRequestUrl,
    string Trigger,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    double? DurationSeconds,
    int Attempts,
    bool Requeued,
    string? PipelineRunId,
    int? ExitCode,
    string? Summary,
    string? SupersededBy)
{
    /// <summary>The view of a run, its duration counted up to <paramref name="now"/> while it runs.</summary>
    public static RunView From(QueuedRun run, DateTimeOffset now) => new(
        run.Id,
        run.State.ToString(),
        run.Request.Pipeline,
        run.Request.AppName,
        run.Request.Branch,
        run.Request.Commit,
        run.Request.Repository,
        run.Request.PullRequest,
        run.Request.PullRequestUrl,
        run.Request.Trigger,
        run.CreatedAt,
        run.StartedAt,
        run.FinishedAt,
        run.Duration(now)?.TotalSeconds,
        run.Attempts,
        run.Requeued,
        run.PipelineRunId,
        run.ExitCode,
        run.Summary,
        run.SupersededBy);
}
