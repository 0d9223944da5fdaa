namespace Slipway.Docker.Engine;

/// <summary>What the engine says about itself (GET /version).</summary>
/// <param name="Version">The engine's release, e.g. 20.10.24.</param>
/// <param name="ApiVersion">The newest API version the engine speaks, e.g. 1.41.</param>
/// <param name="MinimumApiVersion">The oldest API version the engine accepts.</param>
public sealed record DockerVersion(string Version, string ApiVersion, string? MinimumApiVersion, string Os, string Arch);
