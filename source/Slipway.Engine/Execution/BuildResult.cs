namespace Slipway.Engine.Execution;

/// <summary>The outcome of a build: every target's run, in plan order.</summary>
internal sealed record BuildResult(IReadOnlyList<TargetRun> Runs, bool Cancelled, TimeSpan Duration)
{
    public bool Succeeded => !Cancelled && Runs.All(run => run.Status is not (TargetStatus.Failed or TargetStatus.Aborted));

    /// <summary>Nothing failed outright, but a target reported a failed check.</summary>
    public bool ChecksFailed => Succeeded && Runs.Any(run => run.Status == TargetStatus.CheckFailed);

    public int ExitCode => Cancelled ? ExitCodes.Cancelled
        : !Succeeded ? Runs.Select(run => run.Failure).OfType<PassedOnExitCodeException>().FirstOrDefault()?.ExitCode ?? ExitCodes.TargetFailed
        : ChecksFailed ? ExitCodes.ChecksFailed
        : ExitCodes.Success;
}
