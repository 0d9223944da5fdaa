namespace Slipway.Status;

/// <summary>Where a stage of a run stands.</summary>
public enum StageState
{
    /// <summary>Waiting for earlier stages.</summary>
    Pending,

    /// <summary>Running now.</summary>
    Running,

    /// <summary>Finished and passed.</summary>
    Succeeded,

    /// <summary>Finished and failed (a failing test, a finding that fails the stage, or a broken task).</summary>
    Failed,

    /// <summary>Not needed in this run.</summary>
    Skipped,

    /// <summary>Stopped before it finished (Ctrl+C, a timeout, or a newer push).</summary>
    Cancelled,
}
