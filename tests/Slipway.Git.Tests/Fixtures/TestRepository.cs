namespace Slipway.Git.Tests.Fixtures;

/// <summary>A git repository made with the real git for a test: files, commits, branches and tags in one line each.</summary>
public sealed class TestRepository
{
    private static readonly DateTimeOffset FirstCommitTime = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private int commits;

    private TestRepository(string path) => Path = path;

    public string Path { get; }

    /// <summary>A <c>file://</c> URL of the repository.</summary>
    public string Url => new Uri(Path).AbsoluteUri;

    /// <summary>A working repository on branch <c>main</c> with one commit ("chore: initial commit", README.md).</summary>
    public static async Task<TestRepository> CreateAsync(string path)
    {
        Directory.CreateDirectory(path);
        await TestGit.RunAsync(path, "init", "--quiet", "--initial-branch=main");
        var repository = new TestRepository(path);
        repository.Write("README.md", "# App\n");
        await repository.CommitAsync("chore: initial commit");
        return repository;
    }

    /// <summary>An empty bare repository, the remote of a test.</summary>
    public static async Task<TestRepository> CreateBareAsync(string path)
    {
        Directory.CreateDirectory(path);
        await TestGit.RunAsync(path, "init", "--quiet", "--bare", "--initial-branch=main");
        return new TestRepository(path);
    }

    public void Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
    }

    public string Read(string relativePath) => File.ReadAllText(System.IO.Path.Combine(Path, relativePath));

    /// <summary>Commits everything in the working tree (an empty commit when nothing changed) and returns its id.</summary>
    public async Task<string> CommitAsync(string message)
    {
        await RunAsync("add", "--all");

        // A minute apart, so that the log's newest-first order is the order of the commits.
        var time = FirstCommitTime.AddMinutes(commits++).ToString("yyyy-MM-ddTHH:mm:ssZ");
        await TestGit.Cli.RunAsync(
            Path,
            ["commit", "--quiet", "--allow-empty", "--message", message],
            CancellationToken.None,
            new Dictionary<string, string?> { ["GIT_AUTHOR_DATE"] = time, ["GIT_COMMITTER_DATE"] = time });
        return await RunAsync("rev-parse", "HEAD");
    }

    public Task<string> RunAsync(params string[] arguments) => TestGit.RunAsync(Path, arguments);

    public Task<string> HeadAsync() => RunAsync("rev-parse", "HEAD");

    /// <summary>The commit a tag names, or null when there is no such tag.</summary>
    public async Task<string?> TagCommitAsync(string tag)
    {
        var result = await TestGit.Cli.TryRunAsync(Path, ["rev-parse", "--verify", "--quiet", $"refs/tags/{tag}^{{commit}}"], CancellationToken.None);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }
}
