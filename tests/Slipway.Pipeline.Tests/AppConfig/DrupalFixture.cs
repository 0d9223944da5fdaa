using System.Diagnostics;

namespace Slipway.Pipeline.Tests.AppConfig;

/// <summary>The Drupal 7 fixture (../shared/fixtures) unpacked into a temporary folder, as a user's repository would hold it.</summary>
public sealed class DrupalFixture : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-d7-").FullName;

    public DrupalFixture()
    {
        var archive = Fixtures.RepositoryRoot.Combine("..", "shared", "fixtures", "drupal-7.105.tar.gz");
        using var tar = Process.Start(new ProcessStartInfo("tar", ["-xzf", archive, "-C", _folder]) { UseShellExecute = false })!;
        tar.WaitForExit();
        if (tar.ExitCode != 0)
        {
            throw new InvalidOperationException($"tar could not unpack {archive}.");
        }

        Path = Directory.EnumerateDirectories(_folder).Single();
    }

    /// <summary>The site's repository root (Drupal 7: the docroot too).</summary>
    public string Path { get; }

    public DrupalFixture With(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return this;
    }

    /// <summary>Makes the site a git repository with everything in one commit, and <paramref name="branch"/> at it.</summary>
    public async Task CommitOnBranchAsync(string branch, string message)
    {
        await Deploy.IsolatedGit.RunAsync(Path, "init", "-q", "-b", "main");
        await Deploy.IsolatedGit.RunAsync(Path, "add", "-A");
        await Deploy.IsolatedGit.RunAsync(Path, "commit", "-q", "-m", message);
        await Deploy.IsolatedGit.RunAsync(Path, "branch", branch);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
