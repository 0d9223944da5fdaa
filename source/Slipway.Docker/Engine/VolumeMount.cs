namespace Slipway.Docker.Engine;

/// <summary>A named volume mounted into a container; the engine creates it when it does not exist.</summary>
public sealed record VolumeMount(string Volume, string ContainerPath);
