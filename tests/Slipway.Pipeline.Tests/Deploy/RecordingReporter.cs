using Slipway.Status;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>A status reporter that keeps the last snapshot it was handed, as Slack would show it.</summary>
public sealed class RecordingReporter : IRunStatusReporter
{
    public RunStatus? Last { get; private set; }

    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => Keep(status);

    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => Keep(status);

    public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken) => Keep(status);

    private Task Keep(RunStatus status)
    {
        Last = status;
        return Task.CompletedTask;
    }
}
