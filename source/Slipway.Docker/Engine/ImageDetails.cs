namespace Slipway.Docker.Engine;

/// <summary>An image as the engine describes it (GET /images/{name}/json).</summary>
/// <param name="Id">The image id, sha256:...</param>
/// <param name="RepoDigests">repository@sha256:... for each registry the image was pushed to or pulled from.</param>
/// <param name="Labels">The image's labels (its config's, including inherited ones).</param>
/// <param name="Size">Size in bytes.</param>
public sealed record ImageDetails(
    string Id,
    IReadOnlyList<string> RepoTags,
    IReadOnlyList<string> RepoDigests,
    IReadOnlyDictionary<string, string> Labels,
    long Size);
