using System.Globalization;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Deploy;

/// <summary>
/// An app's git repository on this machine, on branch <c>main</c>, with a bare repository as its <c>origin</c>:
/// the team's remote, where release tags must end up.
/// </summary>
public sealed class AppRepository
{
    private static readonly DateTimeOffset FirstCommitTime = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private int _commits;

    private AppRepository(string path, string? remotePath)
    {
        Path = path;
        RemotePath = remotePath;
    }

    /// <summary>The repository folder: what <c>--app</c> names.</summary>
    public string Path { get; }

    /// <summary>The bare repository that is its <c>origin</c>; null for a repository without one.</summary>
    public string? RemotePath { get; }

    /// <summary>A repository holding a README (or a copy of the bundled example site), one commit pushed to its origin.</summary>
    public static async Task<AppRepository> CreateAsync(string path, string firstMessage, bool exampleSite = false, bool withRemote = true)
    {
        Directory.CreateDirectory(path);
        await IsolatedGit.RunAsync(path, "init", "--quiet", "--initial-branch=main");
        string? remote = null;
        if (withRemote)
        {
            remote = path + ".remote.git";
            Directory.CreateDirectory(remote);
            await IsolatedGit.RunAsync(remote, "init", "--quiet", "--bare", "--initial-branch=main");
            await IsolatedGit.RunAsync(path, "remote", "add", "origin", remote);
        }

        var repository = new AppRepository(path, remote);
        if (exampleSite)
        {
            CopyExampleSite(path);
        }
        else
        {
            repository.Write("README.md", "# App\n");
        }

        await repository.CommitAsync(firstMessage);
        return repository;
    }

    public void Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    /// <summary>Commits everything (an empty commit when nothing changed), pushes main to origin, and returns the commit id.</summary>
    public async Task<string> CommitAsync(string message)
    {
        await IsolatedGit.RunAsync(Path, "add", "--all");

        // A minute apart, so that newest-first logs list commits in the order they were made.
        var time = FirstCommitTime.AddMinutes(_commits++).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await IsolatedGit.RunAsync(
            Path,
            new Dictionary<string, string?> { ["GIT_AUTHOR_DATE"] = time, ["GIT_COMMITTER_DATE"] = time },
            "commit", "--quiet", "--allow-empty", "--message", message);
        if (RemotePath is not null)
        {
            await IsolatedGit.RunAsync(Path, "push", "--quiet", "origin", "main");
        }

        return await IsolatedGit.RunAsync(Path, "rev-parse", "HEAD");
    }

    /// <summary>Tags a commit the way a person releasing by hand would, and pushes the tag to origin.</summary>
    public async Task TagAndPushAsync(string tag, string commit)
    {
        await IsolatedGit.RunAsync(Path, "tag", "--annotate", "--message", $"Release {tag}", tag, commit);
        await IsolatedGit.RunAsync(Path, "push", "--quiet", "origin", $"refs/tags/{tag}");
    }

    /// <summary>The commit a tag names in the remote (or in this repository when it has none); null when there is no such tag.</summary>
    public Task<string?> RemoteTagCommitAsync(string tag) => TagCommitAsync(RemotePath ?? Path, tag);

    /// <summary>The release tags the remote holds (or this repository, when it has no remote).</summary>
    public async Task<IReadOnlyList<string>> RemoteTagsAsync() =>
        (await IsolatedGit.RunAsync(RemotePath ?? Path, "tag", "--list"))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A field of a tag object in the remote, e.g. <c>%(taggername)</c> or <c>%(contents)</c>.</summary>
    public Task<string> RemoteTagFieldAsync(string tag, string format) =>
        IsolatedGit.RunAsync(RemotePath ?? Path, "for-each-ref", $"--format={format}", $"refs/tags/{tag}");

    public Task<string> GitAsync(params string[] arguments) => IsolatedGit.RunAsync(Path, arguments);

    private static async Task<string?> TagCommitAsync(string repository, string tag)
    {
        var result = await IsolatedGit.Cli.TryRunAsync(repository, ["rev-parse", "--verify", "--quiet", $"refs/tags/{tag}^{{commit}}"], CancellationToken.None);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The bundled example site's own files, without anything a build may have left in it.</summary>
    private static void CopyExampleSite(string target)
    {
        var source = RepositoryRoot.Combine("examples", "drupal-site");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(source, file);
            var top = relative.Split(System.IO.Path.DirectorySeparatorChar)[0];
            if (top is "vendor" or "node_modules" or ".slipway" || relative.Contains("node_modules", StringComparison.Ordinal))
            {
                continue;
            }

            var destination = System.IO.Path.Combine(target, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
