using System.Collections.Concurrent;
using Slipway.Status.Ordering;

namespace Slipway.Status;

/// <summary>
/// Hands every call to several reporters at once. A reporter that fails never fails the pipeline: its first
/// failure in a run goes to the warning sink, later ones in the same run are quiet, and it keeps being
/// called so that it catches up when its service is back. Each reporter gets a run's snapshots in order
/// (<see cref="InOrderStatusReporter"/>): one older than the last it handled is dropped.
/// </summary>
public sealed class CompositeStatusReporter : IRunStatusReporter
{
    private readonly Action<string> warn;
    private readonly ConcurrentDictionary<(int Reporter, string RunId), byte> warned = new();

    /// <summary>Creates the fan-out over <paramref name="reporters"/>; problems go to <paramref name="warn"/>.</summary>
    public CompositeStatusReporter(IEnumerable<IRunStatusReporter> reporters, Action<string> warn)
    {
        Reporters = reporters.Select(reporter => reporter as InOrderStatusReporter ?? new InOrderStatusReporter(reporter)).ToList();
        this.warn = warn;
    }

    /// <summary>The reporters every call goes to, each behind its <see cref="InOrderStatusReporter"/>.</summary>
    public IReadOnlyList<IRunStatusReporter> Reporters { get; }

    /// <inheritdoc />
    public string Name => string.Join(", ", Reporters.Select(reporter => reporter.Name));

    /// <inheritdoc />
    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) =>
        FanOutAsync(status, (reporter, token) => reporter.RunStartedAsync(status, token), cancellationToken);

    /// <inheritdoc />
    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) =>
        FanOutAsync(status, (reporter, token) => reporter.StageChangedAsync(status, token), cancellationToken);

    /// <inheritdoc />
    public async Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        await FanOutAsync(status, (reporter, token) => reporter.RunFinishedAsync(status, token), cancellationToken);
        for (var index = 0; index < Reporters.Count; index++)
        {
            warned.TryRemove((index, status.RunId), out _);
        }
    }

    private async Task FanOutAsync(
        RunStatus status,
        Func<IRunStatusReporter, CancellationToken, Task> call,
        CancellationToken cancellationToken)
    {
        await Task.WhenAll(Reporters.Select((reporter, index) => CallAsync(index, reporter, status, call, cancellationToken)));
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task CallAsync(
        int index,
        IRunStatusReporter reporter,
        RunStatus status,
        Func<IRunStatusReporter, CancellationToken, Task> call,
        CancellationToken cancellationToken)
    {
        try
        {
            await call(reporter, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller stopped the run; FanOutAsync reports the cancellation once, for all reporters.
        }
        catch (Exception exception)
        {
            if (warned.TryAdd((index, status.RunId), 0))
            {
                warn($"{reporter.Name} status for run {status.RunId} was not updated: {exception.Message} " +
                     $"The run goes on; further {reporter.Name} problems in this run are not repeated.");
            }
        }
    }
}
