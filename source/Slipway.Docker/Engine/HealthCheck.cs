namespace Slipway.Docker.Engine;

/// <summary>
/// A command the engine runs inside a container (no shell) until it exits 0; the container's health is then
/// <c>healthy</c>.
/// </summary>
/// <param name="Command">The program and its arguments.</param>
/// <param name="Interval">The time between two tries.</param>
public sealed record HealthCheck(IReadOnlyList<string> Command, TimeSpan Interval);
