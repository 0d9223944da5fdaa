using System.Threading.Channels;
using Slipway.Service.Hosting;

namespace Slipway.Service.Queue;

/// <summary>
/// Where runs enter the queue (webhooks, the form, the API, schedules) and are cancelled: stores them, stops the
/// running runs a newer push supersedes, and wakes the dispatcher.
/// </summary>
public sealed class RunQueue(IRunQueueStore store, ActiveRuns active, TimeProvider clock, ServiceLog log)
{
    private readonly Channel<bool> _wakeups = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>The durable store behind the queue, for reading runs.</summary>
    public IRunQueueStore Store => store;

    /// <summary>Signals that a run may be ready to start.</summary>
    internal ChannelReader<bool> Wakeups => _wakeups.Reader;

    /// <summary>Stores the request durably (before this returns) and supersedes what it replaces.</summary>
    public async Task<EnqueueResult> EnqueueAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var result = await store.EnqueueAsync(request, clock.GetUtcNow(), cancellationToken);
        if (result.Duplicate)
        {
            return result;
        }

        foreach (var superseded in result.SupersededQueued)
        {
            log.Information($"Run {superseded} will not start: run {result.Run.Id} supersedes it.");
        }

        foreach (var superseded in result.SupersededRunning)
        {
            log.Information($"Stopping run {superseded}: run {result.Run.Id} supersedes it.");
            active.Supersede(superseded, result.Run.Id);
        }

        Wake();
        return result;
    }

    /// <summary>Cancels a queued or running run; false when it is neither (finished, unknown, or run by another instance).</summary>
    public async Task<bool> CancelAsync(string runId, CancellationToken cancellationToken)
    {
        if (await store.CancelQueuedAsync(runId, clock.GetUtcNow(), cancellationToken))
        {
            return true;
        }

        if (active.TryGet(runId, out var execution))
        {
            execution.CancelByUser();
            return true;
        }

        return false;
    }

    internal void Wake() => _wakeups.Writer.TryWrite(true);
}
