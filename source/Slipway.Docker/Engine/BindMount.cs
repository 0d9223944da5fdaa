namespace Slipway.Docker.Engine;

/// <summary>A host path bound into a container; the host path must exist.</summary>
public sealed record BindMount(string HostPath, string ContainerPath, bool ReadOnly = false);
