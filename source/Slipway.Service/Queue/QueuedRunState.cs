namespace Slipway.Service.Queue;

/// <summary>Where a run of the service's queue stands.</summary>
public enum QueuedRunState
{
    /// <summary>Stored and waiting for a free slot.</summary>
    Queued,

    /// <summary>Claimed by the service and executing.</summary>
    Running,

    /// <summary>The pipeline ended with exit code 0.</summary>
    Succeeded,

    /// <summary>The pipeline ended with a failure (or could not start).</summary>
    Failed,

    /// <summary>Someone cancelled it.</summary>
    Cancelled,

    /// <summary>A newer push to the same branch replaced it.</summary>
    Superseded,

    /// <summary>The service stopped while it ran, and it had already been queued again once.</summary>
    Interrupted,
}

/// <summary>Which states are final.</summary>
public static class QueuedRunStates
{
    /// <summary>True when the run will not change state any more.</summary>
    public static bool IsFinal(this QueuedRunState state) => state is not (QueuedRunState.Queued or QueuedRunState.Running);
}
