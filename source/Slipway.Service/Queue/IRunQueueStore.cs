using Slipway.Status;

namespace Slipway.Service.Queue;

/// <summary>
/// The service's durable run queue. The embedded implementation is SQLite (WAL) in the pipeline's state
/// database; a shared store can replace it when several service instances run. Every change of state is
/// one transaction, so a run is claimed once and finishes once whatever stops the process.
/// </summary>
public interface IRunQueueStore
{
    /// <summary>
    /// Stores a request as a queued run, unless its delivery id was stored before. A PullRequest or Teardown
    /// supersedes the queued and running PullRequest runs of the same app and branch in the same transaction.
    /// </summary>
    Task<EnqueueResult> EnqueueAsync(RunRequest request, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the oldest queued run whose branch has no running run as running and returns it; null when none can start.</summary>
    Task<QueuedRun?> ClaimNextAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records the pipeline's own run id (the label of its resources) and where its report goes.</summary>
    Task SetPipelineRunAsync(string id, string pipelineRunId, string? reportFolder, CancellationToken cancellationToken);

    /// <summary>
    /// Finishes a running run in <paramref name="state"/> when it is still the claim numbered <paramref name="attempt"/>;
    /// a run a newer one superseded finishes as <see cref="RunState.Superseded"/> unless it succeeded.
    /// </summary>
    /// <returns>False when the run was no longer that claim (it was finished or recovered already): nothing changed.</returns>
    Task<bool> FinishAsync(string id, int attempt, RunState state, int? exitCode, string? summary, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Handles a running run whose execution was cut short (the service stopped or crashed): queued again the first
    /// time, finished as interrupted the second, or finished as superseded when a newer run replaced it.
    /// </summary>
    /// <returns>The state the run is left in.</returns>
    Task<RunState> InterruptAsync(string id, string reason, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Finishes a queued run as cancelled. Returns false when it was not queued (running or final).</summary>
    Task<bool> CancelQueuedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<QueuedRun?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>The run whose pipeline run id is given, if the service started it.</summary>
    Task<QueuedRun?> FindByPipelineRunAsync(string pipelineRunId, CancellationToken cancellationToken);

    /// <summary>The newest runs first.</summary>
    Task<IReadOnlyList<QueuedRun>> ListAsync(int limit, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueuedRun>> ListRunningAsync(CancellationToken cancellationToken);

    /// <summary>How many runs are in each state.</summary>
    Task<IReadOnlyDictionary<RunState, long>> CountByStateAsync(CancellationToken cancellationToken);

    /// <summary>Appends lines to a run's log, numbering them after the lines already stored.</summary>
    Task AppendLogAsync(string id, IReadOnlyList<(DateTimeOffset At, string Level, string? Target, string Text)> lines, CancellationToken cancellationToken);

    /// <summary>The run's log lines after <paramref name="afterSequence"/>, at most <paramref name="limit"/>; the last ones when <paramref name="tail"/>.</summary>
    Task<IReadOnlyList<RunLogLine>> ReadLogAsync(string id, long afterSequence, int limit, bool tail, CancellationToken cancellationToken);

    /// <summary>The run's history, oldest first.</summary>
    Task<IReadOnlyList<RunEvent>> ListEventsAsync(string id, CancellationToken cancellationToken);
}
