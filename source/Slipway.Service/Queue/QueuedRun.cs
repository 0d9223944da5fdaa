using Slipway.Status;

namespace Slipway.Service.Queue;

/// <summary>A run as the queue keeps it.</summary>
/// <param name="Id">The service's id for the run.</param>
/// <param name="Sequence">Order of arrival: runs start oldest first.</param>
/// <param name="Attempts">How many times the run was claimed (2 after it was queued again following a crash).</param>
/// <param name="Requeued">True once the run has been queued again after an interruption; it is not queued a second time.</param>
/// <param name="PipelineRunId">The pipeline's own run id (the slipway:run label of its resources), once the pipeline has started.</param>
/// <param name="ReportFolder">Where the pipeline writes the run's report.</param>
/// <param name="SupersededBy">The newer run that replaced this one.</param>
public sealed record QueuedRun(
    string Id,
    long Sequence,
    RunRequest Request,
    RunState State,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt = null,
    DateTimeOffset? FinishedAt = null,
    int Attempts = 0,
    bool Requeued = false,
    string? PipelineRunId = null,
    string? ReportFolder = null,
    int? ExitCode = null,
    string? Summary = null,
    string? SupersededBy = null)
{
    /// <summary>How long the run took, or has been running so far at <paramref name="now"/>.</summary>
    public TimeSpan? Duration(DateTimeOffset now) =>
        StartedAt is null ? null : (FinishedAt ?? now) - StartedAt.Value;
}
