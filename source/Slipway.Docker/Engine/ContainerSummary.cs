namespace Slipway.Docker.Engine;

/// <summary>One container in a listing (GET /containers/json).</summary>
/// <param name="Names">Its names, without the engine's leading '/'.</param>
/// <param name="State">created, running, exited, ...</param>
/// <param name="Status">The engine's human summary, e.g. "Exited (0) 3 seconds ago".</param>
public sealed record ContainerSummary(
    string Id,
    IReadOnlyList<string> Names,
    string Image,
    string State,
    string Status,
    IReadOnlyDictionary<string, string> Labels);
