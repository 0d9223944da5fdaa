using Slipway.Engine.Execution;

namespace Slipway.Engine.Reporting;

/// <summary>Writes a line when a target starts and when it ends, so plain logs (CI) show the build's progress.</summary>
/// <param name="namesInPrefix">True when the console prefixes the lines a target writes with its name.</param>
internal sealed class ProgressReporter(bool namesInPrefix) : IExecutionObserver
{
    public void Started(TargetRun run) => Log.Information(namesInPrefix ? "started" : $"==> {run.Target.Name}");

    public void Finished(TargetRun run)
    {
        // Targets that never started are reported from outside their own flow, so their lines carry no prefix.
        var name = namesInPrefix && run.StartedAt is not null ? string.Empty : run.Target.Name + " ";
        var arrow = name.Length == 0 ? string.Empty : "<== ";
        var note = run.Note is null ? string.Empty : $" ({run.Note})";
        switch (run.Status)
        {
            case TargetStatus.Succeeded:
                Log.Information($"{arrow}{name}succeeded in {DurationFormat.Format(run.Duration)}");
                break;
            case TargetStatus.Skipped:
                Log.Information($"{arrow}{name}skipped{note}");
                break;
            case TargetStatus.CheckFailed:
                Log.Error($"{arrow}{name}check failed after {DurationFormat.Format(run.Duration)}: {run.SummaryLine}; the build goes on");
                break;
            case TargetStatus.NotRun:
                Log.Warning($"{name}did not run{note}");
                break;
            default:
                Log.Error($"{name}{run.Status.ToString().ToLowerInvariant()} after {DurationFormat.Format(run.Duration)}");
                break;
        }
    }
}
