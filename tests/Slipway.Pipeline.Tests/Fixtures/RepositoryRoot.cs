namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>The Slipway checkout the tests run from.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "build.sh")) && Directory.Exists(System.IO.Path.Combine(folder.FullName, ".nuke")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests must run inside a Slipway checkout (no build.sh found above them).");
    }
}
