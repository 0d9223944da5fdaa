namespace Slipway.Platform;

/// <summary>
/// One part of an image build context: a host folder placed at a path inside the context, minus the
/// excluded names: a plain name matches a path segment at any depth (".git", "node_modules"); a name with a
/// leading slash only the folder's own top-level entry ("/vendor").
/// </summary>
public sealed record ContextFolder(string HostPath, string ContextPath, IReadOnlyList<string>? Exclude = null);

/// <summary>What to build: the context parts, in-memory files (the Dockerfile), build arguments, tags and labels.</summary>
public sealed record ImageBuildRequest(
    IReadOnlyList<ContextFolder> Folders,
    IReadOnlyDictionary<string, string> Files,
    string Dockerfile,
    IReadOnlyList<string> Tags,
    IReadOnlyDictionary<string, string>? BuildArguments = null,
    IReadOnlyDictionary<string, string>? Labels = null);

/// <summary>Builds images on the engine that runs the builds (the local Docker engine, for every platform).</summary>
public interface IImageBuilder
{
    /// <summary>Builds the image and returns its id; each progress line goes to <paramref name="progress"/>.</summary>
    Task<string> BuildAsync(ImageBuildRequest request, Action<string>? progress, CancellationToken cancellationToken);

    /// <summary>True when the engine holds an image with this reference.</summary>
    Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken);
}
