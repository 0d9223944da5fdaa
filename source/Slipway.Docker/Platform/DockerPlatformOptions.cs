using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>How the local platform publishes images and stops containers.</summary>
public sealed record DockerPlatformOptions
{
    /// <summary>A registry (host:port, e.g. 127.0.0.1:5000) images are pushed to; null keeps images in the local engine.</summary>
    public string? Registry { get; init; }

    /// <summary>Credentials for <see cref="Registry"/>; null uses what <c>docker login</c> stored, or none.</summary>
    public RegistryCredentials? RegistryCredentials { get; init; }

    /// <summary>How long a stopped container gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Where push progress lines go (a few seconds apart while layers move); nowhere when null.</summary>
    public Action<string>? PushProgress { get; init; }

    /// <summary>
    /// This installation's id (<see cref="Ownership.InstallationLabel"/>): set on everything the platform creates, and
    /// the platform lists and replaces only what carries it. Null (tests of the platform alone) neither sets nor filters it.
    /// </summary>
    public string? Installation { get; init; }

    /// <summary>Labels added to every container the platform creates, besides the slipway:* ownership labels.</summary>
    public IReadOnlyDictionary<string, string> ExtraLabels { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Networks every task and service joins besides the engine's default one, e.g. the network of Slipway's kept
    /// database server, which they then reach by its container name.
    /// </summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>How long the services beside a task or playground (Redis, a browser) get to pass their readiness check.</summary>
    public TimeSpan SidecarReadyTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
