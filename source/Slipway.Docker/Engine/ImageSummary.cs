namespace Slipway.Docker.Engine;

/// <summary>One image in a listing (GET /images/json).</summary>
public sealed record ImageSummary(string Id, IReadOnlyList<string> RepoTags, IReadOnlyDictionary<string, string> Labels, long Size);
