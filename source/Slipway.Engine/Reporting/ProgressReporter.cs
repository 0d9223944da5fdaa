using Slipway.Engine.Execution;

namespace Slipway.Engine.Reporting;

/// <summary>Writes a line when a target starts and when it ends, so plain logs (CI) show the build's progress.</summary>
internal sealed class ProgressReporter : IExecutionObserver
{
    public void Started(TargetRun run) => Log.Information($"==> {run.Target.Name}");

    public void Finished(TargetRun run)
    {
        var note = run.Note is null ? string.Empty : $" ({run.Note})";
        switch (run.Status)
        {
            case TargetStatus.Succeeded:
                Log.Information($"<== {run.Target.Name} succeeded in {DurationFormat.Format(run.Duration)}");
                break;
            case TargetStatus.Skipped:
                Log.Information($"<== {run.Target.Name} skipped{note}");
                break;
            case TargetStatus.NotRun:
                Log.Warning($"{run.Target.Name} did not run{note}");
                break;
            default:
                Log.Error($"{run.Target.Name} {run.Status.ToString().ToLowerInvariant()} after {DurationFormat.Format(run.Duration)}");
                break;
        }
    }
}
