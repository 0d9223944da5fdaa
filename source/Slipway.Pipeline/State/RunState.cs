namespace Slipway.Pipeline.State;

/// <summary>Where a run or a stage stands.</summary>
public enum RunState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Interrupted,
    Skipped,
}
