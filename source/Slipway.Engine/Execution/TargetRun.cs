using Slipway.Engine.Definition;

namespace Slipway.Engine.Execution;

/// <summary>One target's progress and outcome in one build; read by the status view while the build runs.</summary>
internal sealed class TargetRun(ExecutableTarget target)
{
    private volatile TargetRunState state = TargetRunState.Waiting;
    private volatile string? summaryLine;
    private volatile bool checkFailed;

    public ExecutableTarget Target { get; } = target;

    public TargetRunState State => state;

    public TargetStatus Status { get; private set; } = TargetStatus.NotRun;

    public DateTimeOffset? StartedAt { get; private set; }

    public TimeSpan Duration { get; private set; }

    /// <summary>The line the target reported with <c>ReportSummary</c>.</summary>
    public string? SummaryLine => summaryLine;

    /// <summary>Why it was skipped or not run, or the failure's message.</summary>
    public string? Note { get; private set; }

    /// <summary>The exception that failed the target, for the stack trace at verbose level.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>The line shown next to the target in the summary.</summary>
    public string? SummaryText => Status is TargetStatus.Failed or TargetStatus.Aborted ? Note ?? summaryLine : summaryLine ?? Note;

    public void ReportSummary(string line) => summaryLine = line;

    /// <summary>True once the target said that what it checks failed; it ends as <see cref="TargetStatus.CheckFailed"/>.</summary>
    public bool CheckFailed => checkFailed;

    public void ReportCheckFailed(string line)
    {
        summaryLine = line;
        checkFailed = true;
    }

    public void MarkRunning(DateTimeOffset now)
    {
        StartedAt = now;
        state = TargetRunState.Running;
    }

    public void Finish(TargetStatus status, TimeSpan duration, string? note = null, Exception? failure = null)
    {
        Status = status;
        Duration = duration;
        Note = note;
        Failure = failure;
        state = TargetRunState.Finished;
    }
}
