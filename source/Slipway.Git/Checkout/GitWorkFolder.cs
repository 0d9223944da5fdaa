using System.Text.RegularExpressions;

namespace Slipway.Git.Checkout;

/// <summary>The git steps of a checkout: clone once, then fetch, check out detached, clean.</summary>
internal sealed partial class GitWorkFolder(GitCli git, AppSource source, string folder)
{
    private const string Remote = "origin";
    private const int BranchesListed = 10;

    public async Task<CheckoutResult> CheckOutAsync(CancellationToken cancellationToken)
    {
        await PrepareRepositoryAsync(cancellationToken);
        await FetchAsync(cancellationToken);
        await FetchRefAsync(cancellationToken);
        var (branch, commit) = await ResolveRevisionAsync(cancellationToken);
        await RunAsync(["checkout", "--quiet", "--force", "--detach", commit], cancellationToken);

        // Without -x git keeps ignored files; the -e patterns also keep build outputs an app forgot to ignore.
        var clean = new List<string> { "clean", "-d", "--force", "--quiet" };
        foreach (var name in BuildOutputFolders.Names)
        {
            clean.AddRange(["-e", $"{name}/"]);
        }

        await RunAsync(clean, cancellationToken);
        return new CheckoutResult(commit, IsCommit: true, branch, await RemoteUrlAsync(cancellationToken), folder);
    }

    // init + remote instead of clone: it works in a folder that already holds files (build outputs,
    // an earlier mirror), and a changed --app URL simply replaces the remote.
    private async Task PrepareRepositoryAsync(CancellationToken cancellationToken)
    {
        if (!Path.Exists(Path.Combine(folder, ".git")))
        {
            await RunAsync(["init", "--quiet"], cancellationToken);
        }

        var current = await git.TryRunAsync(folder, ["remote", "get-url", Remote], cancellationToken);
        if (!current.Succeeded)
        {
            await RunAsync(["remote", "add", "--", Remote, source.Location], cancellationToken);
        }
        else if (current.StandardOutput.Trim() != source.Location)
        {
            await RunAsync(["remote", "set-url", "--", Remote, source.Location], cancellationToken);
        }
    }

    private async Task FetchAsync(CancellationToken cancellationToken)
    {
        // Tags come along (and stale ones go) because the release step reads them from this folder.
        var result = await git.TryRunAsync(
            folder,
            ["fetch", "--quiet", "--force", "--prune", "--prune-tags", "--tags", Remote, $"+refs/heads/*:refs/remotes/{Remote}/*"],
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new CheckoutException(
                $"Cannot fetch the app from {source.DisplayLocation}: {Reason(result.StandardError)}; check --app and your access to it.");
        }
    }

    // The pull request's own ref brings its commits along (a fork's are on no branch of the remote), so that the
    // commit, even as Bitbucket's 12-digit short hash, resolves. Kept under refs/slipway/ so no branch is touched.
    private async Task FetchRefAsync(CancellationToken cancellationToken)
    {
        if (source.FetchRef is not { } reference)
        {
            return;
        }

        var result = await git.TryRunAsync(
            folder,
            ["fetch", "--quiet", "--force", "--no-tags", "--", source.FetchFrom ?? Remote, $"+{reference}:refs/slipway/fetched"],
            cancellationToken);
        if (!result.Succeeded)
        {
            var from = source.FetchFrom is null ? source.DisplayLocation : CredentialRedactor.Redact(source.FetchFrom);
            throw new CheckoutException($"Cannot fetch {reference} from {from}: {Reason(result.StandardError)}; check that the pull request is still open and readable.");
        }
    }

    private async Task<(string Branch, string Commit)> ResolveRevisionAsync(CancellationToken cancellationToken)
    {
        var branch = source.Branch ?? await DefaultBranchAsync(cancellationToken);
        if (source.Commit is not null)
        {
            return (branch, await ResolveCommitAsync(source.Commit, cancellationToken));
        }

        if (source.FetchRef is not null)
        {
            return (branch, await RevParseAsync("refs/slipway/fetched", cancellationToken)
                ?? throw new CheckoutException($"{source.FetchRef} names no commit in {source.DisplayLocation}: check --fetch-ref."));
        }

        var head = await RevParseAsync($"refs/remotes/{Remote}/{branch}", cancellationToken);
        if (head is null)
        {
            throw new CheckoutException(
                $"Branch '{branch}' does not exist in {source.DisplayLocation}: check --branch ({await DescribeBranchesAsync(cancellationToken)}).");
        }

        return (branch, head);
    }

    private async Task<string> ResolveCommitAsync(string commit, CancellationToken cancellationToken)
    {
        var resolved = await RevParseAsync(commit, cancellationToken);
        if (resolved is null && commit.Length == 40)
        {
            // A commit on no branch (a pull request's merge ref) can still be fetched by its full id.
            await git.TryRunAsync(folder, ["fetch", "--quiet", Remote, commit], cancellationToken);
            resolved = await RevParseAsync(commit, cancellationToken);
        }

        return resolved ?? throw new CheckoutException(
            $"Commit '{commit}' does not exist in {source.DisplayLocation}: check --commit (a full 40-digit id also finds commits on no branch).");
    }

    private async Task<string> DefaultBranchAsync(CancellationToken cancellationToken)
    {
        var result = await git.TryRunAsync(folder, ["ls-remote", "--symref", Remote, "HEAD"], cancellationToken);
        var match = SymbolicHeadPattern().Match(result.StandardOutput);
        if (match.Success)
        {
            return match.Groups["branch"].Value;
        }

        throw new CheckoutException(
            $"Cannot tell the default branch of {source.DisplayLocation} (it has no branches, or its HEAD is detached): pass --branch.");
    }

    private async Task<string?> RevParseAsync(string revision, CancellationToken cancellationToken)
    {
        var result = await git.TryRunAsync(folder, ["rev-parse", "--verify", "--quiet", $"{revision}^{{commit}}"], cancellationToken);
        return result.Succeeded ? result.StandardOutput.Trim() : null;
    }

    private async Task<string> DescribeBranchesAsync(CancellationToken cancellationToken)
    {
        var output = await RunAsync(
            ["for-each-ref", "--format=%(refname:lstrip=3)", "--sort=refname", $"refs/remotes/{Remote}/"],
            cancellationToken);
        var branches = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(name => name != "HEAD")
            .ToList();
        if (branches.Count == 0)
        {
            return "it has no branches";
        }

        var listed = string.Join(", ", branches.Take(BranchesListed));
        return branches.Count > BranchesListed ? $"branches there include {listed}" : $"branches there: {listed}";
    }

    private async Task<string?> RemoteUrlAsync(CancellationToken cancellationToken)
    {
        if (source.Kind == AppSourceKind.GitUrl)
        {
            return source.DisplayLocation;
        }

        // A local repository's own origin is where its commit statuses belong.
        var result = await git.TryRunAsync(source.Location, ["remote", "get-url", Remote], cancellationToken);
        return result.Succeeded ? CredentialRedactor.Redact(result.StandardOutput.Trim()) : null;
    }

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await git.RunAsync(folder, arguments, cancellationToken);
        }
        catch (GitCommandException exception)
        {
            throw new CheckoutException(
                $"Cannot check out {source.DisplayLocation} into '{folder}': {exception.Reason}; check the work folder or remove it to start afresh.",
                exception);
        }
    }

    private static string Reason(string standardError) =>
        (GitCommandException.ReasonIn(standardError) ?? "git gave no reason").TrimEnd('.');

    [GeneratedRegex(@"^ref: refs/heads/(?<branch>\S+)\s+HEAD$", RegexOptions.Multiline)]
    private static partial Regex SymbolicHeadPattern();
}
