namespace Slipway.Docker.Engine;

/// <summary>A network as the engine lists it.</summary>
public sealed record NetworkSummary(string Id, string Name, IReadOnlyDictionary<string, string> Labels);
