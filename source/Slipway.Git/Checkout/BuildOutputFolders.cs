namespace Slipway.Git.Checkout;

/// <summary>
/// Folders the build creates inside the source (composer's vendor/, npm's node_modules/, theme
/// builds' dist/). A checkout keeps them in the work folder between runs so that unchanged work is
/// not redone, and never copies them in from a plain folder.
/// </summary>
public static class BuildOutputFolders
{
    /// <summary>Folder names, matched at any depth.</summary>
    public static IReadOnlyList<string> Names { get; } = ["vendor", "node_modules", "dist"];

    /// <summary>True for a build output folder name or <c>.git</c>: what a folder mirror leaves alone on both sides.</summary>
    public static bool IsLeftAloneByMirror(string name) =>
        name == ".git" || Names.Contains(name, StringComparer.Ordinal);
}
