namespace Slipway.Docker.Engine;

/// <summary>Where a container is in its life.</summary>
/// <param name="Status">created, running, paused, restarting, removing, exited or dead.</param>
/// <param name="ExitCode">The exit code of its last run (0 while it has never run).</param>
/// <param name="OomKilled">The kernel killed it for using too much memory.</param>
/// <param name="Error">The engine's error when starting it failed.</param>
/// <param name="Health">starting, healthy or unhealthy; null when it has no health check.</param>
public sealed record ContainerState(string Status, bool Running, int ExitCode, bool OomKilled, string? Error, string? Health = null);
