namespace Slipway.Docker.Build;

/// <summary>A host folder streamed into a build context at <paramref name="ContextPath"/> ("" for the root), minus <paramref name="Excludes"/>.</summary>
/// <param name="Excludes">Patterns relative to <paramref name="HostPath"/>.</param>
public sealed record BuildContextFolder(string HostPath, string ContextPath, ExcludePatterns Excludes);
