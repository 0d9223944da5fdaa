namespace Slipway.Platform;

/// <summary>How a task ended.</summary>
/// <param name="ExitCode">The exit code of the task's main container; null when it never ran.</param>
/// <param name="StoppedReason">Why the platform stopped it, when it says (e.g. CannotPullContainerError, timed out).</param>
public sealed record TaskOutcome(int? ExitCode, string? StoppedReason)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>
/// A started task. Disposing it removes what the platform created for it (container, task definition):
/// every step is tried even when one fails, and a <see cref="CleanupFailedException"/> then lists what stayed.
/// </summary>
public interface ITaskRun : IAsyncDisposable
{
    /// <summary>Container id or task ARN.</summary>
    string Id { get; }

    /// <summary>Waits until the task stops (or its timeout passes, when it is stopped). Cancelling stops the task.</summary>
    Task<TaskOutcome> WaitAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The task's log, page by page, as the platform hands it out (Docker log frames, CloudWatch pages).
    /// Called after <see cref="WaitAsync"/> it returns the whole log and ends.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<LogLine>> ReadLogAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The task's log as it is written, page by page, ending once the task has stopped and everything it wrote
    /// was handed out: for a command whose output is shown as it runs. Call it alongside <see cref="WaitAsync"/>,
    /// which is how a platform that polls learns the task stopped. Platforms whose <see cref="ReadLogAsync"/>
    /// already follows a running task (Docker) need not override it.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<LogLine>> FollowLogAsync(CancellationToken cancellationToken) => ReadLogAsync(cancellationToken);

    /// <summary>Stops the task if it still runs. Safe to call more than once.</summary>
    Task StopAsync(CancellationToken cancellationToken);
}
