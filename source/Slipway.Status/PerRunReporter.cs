using System.Collections.Concurrent;

namespace Slipway.Status;

/// <summary>
/// A reporter that posts to the commit and keeps something per run (what it posted, the ids it was given): it handles
/// one snapshot of a run at a time, posts nothing once the run is superseded, and forgets the run when it ends.
/// </summary>
/// <typeparam name="TPosted">What it keeps per run.</typeparam>
internal abstract class PerRunReporter<TPosted> : IRunStatusReporter
    where TPosted : new()
{
    private readonly ConcurrentDictionary<string, RunEntry> runs = new();

    public abstract string Name { get; }

    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) =>
        HandleAsync(status, runFinished: false, cancellationToken);

    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) =>
        HandleAsync(status, runFinished: false, cancellationToken);

    public async Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await HandleAsync(status, runFinished: true, cancellationToken);
        }
        finally
        {
            runs.TryRemove(status.RunId, out _);
        }
    }

    /// <summary>Posts what <paramref name="status"/> shows; <paramref name="posted"/> is this run's own, handled one call at a time.</summary>
    protected abstract Task PublishAsync(RunStatus status, bool runFinished, TPosted posted, CancellationToken cancellationToken);

    private async Task HandleAsync(RunStatus status, bool runFinished, CancellationToken cancellationToken)
    {
        var run = runs.GetOrAdd(status.RunId, _ => new RunEntry());
        await run.Gate.WaitAsync(cancellationToken);
        try
        {
            // Sticky: a late snapshot without the flag must not post the stop of a replaced run.
            run.Superseded |= status.Superseded;
            if (!run.Superseded)
            {
                await PublishAsync(status, runFinished, run.Posted, cancellationToken);
            }
        }
        finally
        {
            run.Gate.Release();
        }
    }

    private sealed class RunEntry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public TPosted Posted { get; } = new();

        public bool Superseded { get; set; }
    }
}
