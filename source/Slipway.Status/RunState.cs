namespace Slipway.Status;

/// <summary>
/// Where a run stands: the one vocabulary of the pipeline's run records, the service's queue and the status messages.
/// A stage has its own, <see cref="StageState"/>.
/// </summary>
public enum RunState
{
    /// <summary>Stored and waiting to start (for a slot of the service, or for its first stage).</summary>
    Queued,

    /// <summary>Executing.</summary>
    Running,

    /// <summary>Ended and every stage passed.</summary>
    Succeeded,

    /// <summary>Ended with a red check or a failure (or could not start).</summary>
    Failed,

    /// <summary>Someone (or Ctrl+C) stopped it.</summary>
    Cancelled,

    /// <summary>A newer push to the same branch replaced it.</summary>
    Superseded,

    /// <summary>The process running it stopped (the service, a killed build) before it ended.</summary>
    Interrupted,
}

/// <summary>Which run states are final.</summary>
public static class RunStates
{
    /// <summary>True when the run will not change state any more.</summary>
    public static bool IsFinal(this RunState state) => state is not (RunState.Queued or RunState.Running);
}
