using System.Collections.Concurrent;

namespace Slipway.Status.Ordering;

/// <summary>
/// Hands one reporter the snapshots of each run one at a time and never an older one after a newer one: a
/// snapshot whose <see cref="RunStatus.Sequence"/> is not above the last one handled for its run is dropped.
/// Stages run in parallel and their snapshots reach the reporters by different paths, so without this a
/// check could go from "Running" back to "Waiting for earlier stages".
/// </summary>
public sealed class InOrderStatusReporter(IRunStatusReporter inner) : IRunStatusReporter
{
    private readonly ConcurrentDictionary<string, RunPosition> runs = new();

    /// <summary>The reporter the snapshots go to.</summary>
    public IRunStatusReporter Inner { get; } = inner;

    /// <inheritdoc />
    public string Name => Inner.Name;

    /// <inheritdoc />
    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) =>
        DeliverAsync(status, Inner.RunStartedAsync, cancellationToken);

    /// <inheritdoc />
    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) =>
        DeliverAsync(status, Inner.StageChangedAsync, cancellationToken);

    /// <inheritdoc />
    public async Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        try
        {
            // The final snapshot is always shown: the reporter posts what is still pending as cancelled.
            await DeliverAsync(status, Inner.RunFinishedAsync, cancellationToken, always: true);
        }
        finally
        {
            // The pipeline sends nothing for a run after its end (every stage's change was awaited first).
            runs.TryRemove(status.RunId, out _);
        }
    }

    private async Task DeliverAsync(
        RunStatus status,
        Func<RunStatus, CancellationToken, Task> deliver,
        CancellationToken cancellationToken,
        bool always = false)
    {
        var run = runs.GetOrAdd(status.RunId, _ => new RunPosition());
        await run.Gate.WaitAsync(cancellationToken);
        try
        {
            // Unnumbered snapshots (Sequence 0) come from callers that send one at a time; they are kept.
            if (!always && status.Sequence != 0 && status.Sequence <= run.LastHandled)
            {
                return;
            }

            run.LastHandled = Math.Max(run.LastHandled, status.Sequence);
            await deliver(status, cancellationToken);
        }
        finally
        {
            run.Gate.Release();
        }
    }

    private sealed class RunPosition
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public long LastHandled { get; set; }
    }
}
