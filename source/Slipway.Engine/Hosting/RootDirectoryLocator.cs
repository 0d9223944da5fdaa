namespace Slipway.Engine.Hosting;

/// <summary>Finds the build's root: the nearest folder holding <c>.nuke/</c>.</summary>
internal static class RootDirectoryLocator
{
    /// <exception cref="UsageException">No such folder exists at or above any of the starting folders.</exception>
    public static AbsolutePath Find(IReadOnlyList<string> starts)
    {
        foreach (var start in starts)
        {
            for (var folder = AbsolutePath.Create(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            {
                if ((folder / ".nuke").DirectoryExists())
                {
                    return folder;
                }
            }
        }

        throw new UsageException(
            $"No .nuke folder found in {starts[0]} or any folder above it: run the build from the repository or pass --root <folder>.");
    }
}
