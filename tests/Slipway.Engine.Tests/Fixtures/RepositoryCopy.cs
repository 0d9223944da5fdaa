namespace Slipway.Engine.Tests.Fixtures;

/// <summary>
/// The files the bootstrap needs (build.sh, global.json, Directory.*.props, .nuke/, build/, source/), copied from this
/// repository into a fresh temporary folder without any build output.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class RepositoryCopy : IDisposable
{
    private static readonly string[] Files = ["build.sh", "global.json", "Directory.Build.props", "Directory.Packages.props"];
    private static readonly string[] Folders = [".nuke", "build", "source"];
    private static readonly string[] LeftOut = ["bin", "obj", "temp"];

    public RepositoryCopy()
    {
        Path = AbsolutePath.Create(Directory.CreateTempSubdirectory("slipway-bootstrap-").FullName);
        foreach (var file in Files)
        {
            File.Copy(RepositoryRoot / file, Path / file);
        }

        foreach (var folder in Folders)
        {
            CopyFolder(RepositoryRoot / folder, Path / folder);
        }

        File.SetUnixFileMode(Path / "build.sh", File.GetUnixFileMode(RepositoryRoot / "build.sh"));
    }

    /// <summary>The repository these tests belong to: the nearest folder above the test assembly holding build.sh.</summary>
    public static AbsolutePath RepositoryRoot { get; } = FindRepositoryRoot();

    public AbsolutePath Path { get; }

    public void Dispose() => Path.DeleteDirectory();

    private static AbsolutePath FindRepositoryRoot()
    {
        for (var folder = AbsolutePath.Create(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if ((folder / "build.sh").FileExists() && (folder / "global.json").FileExists())
            {
                return folder;
            }
        }

        throw new InvalidOperationException("The tests run outside the Slipway repository: build.sh was not found above them.");
    }

    private static void CopyFolder(AbsolutePath source, AbsolutePath target)
    {
        target.CreateDirectory();
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, target / System.IO.Path.GetFileName(file));
        }

        foreach (var folder in Directory.EnumerateDirectories(source).Select(AbsolutePath.Create))
        {
            if (!LeftOut.Contains(folder.Name))
            {
                CopyFolder(folder, target / folder.Name);
            }
        }
    }
}
