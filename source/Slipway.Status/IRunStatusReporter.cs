namespace Slipway.Status;

/// <summary>
/// Tells people how a run is going: the pipeline calls it when the run starts, after any stage starts or
/// finishes, and when the run ends. Each call carries the whole current picture, never a delta.
/// </summary>
public interface IRunStatusReporter
{
    /// <summary>A short name for warnings, such as "Slack" or "GitHub commit status".</summary>
    string Name => GetType().Name;

    /// <summary>The run has started; <paramref name="status"/> lists every stage it will run.</summary>
    Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken);

    /// <summary>A stage has started or finished.</summary>
    Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken);

    /// <summary>The run has ended; <see cref="RunStatus.FinishedAt"/> is set.</summary>
    Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken);
}
