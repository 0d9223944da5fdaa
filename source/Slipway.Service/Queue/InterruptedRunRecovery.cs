using Slipway.Service.Execution;
using Slipway.Service.Hosting;
using Slipway.Status;

namespace Slipway.Service.Queue;

/// <summary>
/// At start-up, before any run is claimed: the runs the store still shows as running were cut off by a crash or
/// a kill. Their resources are found by tag and removed, and each is queued again once (or finished as
/// interrupted when it already was, or as superseded when a newer push replaced it).
/// </summary>
/// <remarks>It assumes that no other service instance executes runs from the same store.</remarks>
public sealed class InterruptedRunRecovery(IRunQueueStore store, IRunResourceCleaner cleaner, TimeProvider clock, ServiceLog log)
{
    /// <returns>How many runs were found interrupted.</returns>
    public async Task<int> RecoverAsync(CancellationToken cancellationToken)
    {
        var running = await store.ListRunningAsync(cancellationToken);
        foreach (var run in running)
        {
            var cleaned = 0;
            try
            {
                cleaned = await cleaner.CleanAsync(run, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                log.Warning($"Run {run.Id} was interrupted, and removing what it had started failed: {exception.Message}");
            }

            var state = await store.InterruptAsync(run.Id, $"the service stopped while it ran; {cleaned} resource(s) removed", clock.GetUtcNow(), cancellationToken);
            log.Warning(state == RunState.Queued
                ? $"Run {run.Id} ({run.Request.Pipeline} of {run.Request.Branch}) was interrupted by a stop of the service: removed {cleaned} resource(s) it had started and queued it again."
                : $"Run {run.Id} ({run.Request.Pipeline} of {run.Request.Branch}) was interrupted by a stop of the service: removed {cleaned} resource(s) it had started; it ends {state.ToString().ToLowerInvariant()}.");
        }

        return running.Count;
    }
}
