namespace Slipway.Docker.Engine;

/// <summary>What <see cref="DockerClient.WaitContainerAsync"/> waits for.</summary>
public enum WaitCondition
{
    /// <summary>Returns once the container is not running: at once for a container that already exited (or never started).</summary>
    NotRunning,

    /// <summary>Waits for the container's next exit, even when it is not running yet: call it before starting the container.</summary>
    NextExit,

    /// <summary>Waits until the container has been removed.</summary>
    Removed,
}
