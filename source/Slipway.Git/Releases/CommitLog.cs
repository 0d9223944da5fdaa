namespace Slipway.Git.Releases;

/// <summary>Reads commit messages and tags from a repository.</summary>
internal sealed class CommitLog(GitCli git, string repository)
{
    private const char RecordSeparator = '\u001e';
    private const char FieldSeparator = '\u001f';

    /// <summary>True when the folder is (inside) a git repository.</summary>
    public async Task<bool> IsRepositoryAsync(CancellationToken cancellationToken) =>
        (await git.TryRunAsync(repository, ["rev-parse", "--git-dir"], cancellationToken)).Succeeded;

    /// <summary>The full id of a commit, or null when the repository has no such commit.</summary>
    public async Task<string?> ResolveAsync(string revision, CancellationToken cancellationToken)
    {
        if (revision.StartsWith('-'))
        {
            return null;
        }

        var result = await git.TryRunAsync(repository, ["rev-parse", "--verify", "--quiet", $"{revision}^{{commit}}"], cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    /// <summary>The names of the tags pointing at the commit itself.</summary>
    public async Task<IReadOnlyList<string>> TagsOnAsync(string commit, CancellationToken cancellationToken) =>
        Lines(await git.RunAsync(repository, ["tag", "--points-at", commit], cancellationToken));

    /// <summary>The names of the tags reachable from the commit (including those on it).</summary>
    public async Task<IReadOnlyList<string>> TagsReachableFromAsync(string commit, CancellationToken cancellationToken) =>
        Lines(await git.RunAsync(repository, ["tag", "--merged", commit], cancellationToken));

    /// <summary>The commits after <paramref name="since"/> up to and including <paramref name="commit"/>, newest first, merges left out.</summary>
    public async Task<IReadOnlyList<ConventionalCommit>> CommitsAsync(string? since, string commit, CancellationToken cancellationToken)
    {
        var range = since is null ? commit : $"{since}..{commit}";
        var output = await git.RunAsync(
            repository,
            ["log", "--no-merges", "--no-color", "--format=%H%x1f%B%x1e", range, "--"],
            cancellationToken);
        return output.Split(RecordSeparator)
            .Select(record => record.TrimStart('\n', '\r'))
            .Where(record => record.Length > 0)
            .Select(record =>
            {
                var separator = record.IndexOf(FieldSeparator, StringComparison.Ordinal);
                return ConventionalCommit.Parse(record[..separator], record[(separator + 1)..]);
            })
            .ToList();
    }

    private static IReadOnlyList<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
