namespace Slipway.Engine;

/// <summary>How a target ended, as shown in the final summary.</summary>
public enum TargetStatus
{
    /// <summary>The target did not run: a target it depends on failed, or the build stopped first.</summary>
    NotRun,

    /// <summary>The target was skipped: <c>--skip</c>, a false condition, or <c>--continue</c>.</summary>
    Skipped,

    /// <summary>The target ran and succeeded.</summary>
    Succeeded,

    /// <summary>The target ran and failed.</summary>
    Failed,

    /// <summary>
    /// The target did its work, but what it checks failed (it called <c>ReportCheckFailed</c>): the targets after it
    /// still run, and the build ends with <see cref="ExitCodes.ChecksFailed"/>.
    /// </summary>
    CheckFailed,

    /// <summary>The target was running when the build was cancelled.</summary>
    Aborted,
}
