namespace Slipway.Docker.Engine;

/// <summary>A network as the engine lists it.</summary>
/// <param name="Internal">Its containers have no way out of the host.</param>
public sealed record NetworkSummary(string Id, string Name, IReadOnlyDictionary<string, string> Labels, bool Internal);
