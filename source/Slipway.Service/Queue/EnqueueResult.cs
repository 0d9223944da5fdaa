namespace Slipway.Service.Queue;

/// <summary>What storing a request did.</summary>
/// <param name="Run">The stored run; for a repeated delivery, the run the first delivery queued.</param>
/// <param name="Duplicate">True when the delivery id was seen before and nothing new was stored.</param>
/// <param name="SupersededQueued">Queued PullRequest runs of the branch that were marked superseded and will not start.</param>
/// <param name="SupersededRunning">Running PullRequest runs of the branch that must now be stopped.</param>
/// <param name="Unchanged">True when nothing was stored because the pull request's last run was of the same commit (<see cref="RunRequest.OnlyWhenCommitChanged"/>); <paramref name="Run"/> is that run.</param>
public sealed record EnqueueResult(
    QueuedRun Run,
    bool Duplicate,
    IReadOnlyList<string> SupersededQueued,
    IReadOnlyList<string> SupersededRunning,
    bool Unchanged = false);
