using Slipway.Status.Summary;

namespace Slipway.Status.CommitStatuses;

/// <summary>Turns a stage of a run into the commit status people see next to the commit.</summary>
internal static class CommitStatusBuilder
{
    /// <summary>GitHub refuses longer descriptions.</summary>
    public const int DescriptionLimit = 140;

    /// <summary>
    /// The status for <paramref name="stage"/>. Once the run has finished, a stage still pending or running
    /// never will, so it is shown as cancelled rather than left pending on the commit for ever.
    /// </summary>
    public static CommitStatus Build(StageStatus stage, RunStatus run, bool runFinished)
    {
        var state = runFinished && stage.State is StageState.Pending or StageState.Running
            ? StageState.Cancelled
            : stage.State;
        var description = state == stage.State ? Describe(stage) : "Did not finish before the run ended";
        var targetUrl = stage.Name == StageNames.Playground
            ? run.PlaygroundUrl ?? stage.TargetUrl ?? run.RunUrl
            : stage.TargetUrl ?? run.RunUrl;
        return new CommitStatus(
            $"slipway/{stage.Name}",
            stage.Name,
            state,
            RunSummary.Shorten(description, DescriptionLimit),
            targetUrl,
            string.IsNullOrWhiteSpace(run.Branch) ? null : run.Branch);
    }

    private static string Describe(StageStatus stage)
    {
        if (!string.IsNullOrWhiteSpace(stage.Summary))
        {
            return RunSummary.FirstLine(stage.Summary)!;
        }

        return stage.State switch
        {
            StageState.Pending => "Waiting for earlier stages",
            StageState.Running => "Running",
            StageState.Succeeded => "Passed",
            StageState.Failed => "Failed",
            StageState.Skipped => "Skipped",
            StageState.Cancelled => "Cancelled",
            _ => stage.State.ToString(),
        };
    }
}
