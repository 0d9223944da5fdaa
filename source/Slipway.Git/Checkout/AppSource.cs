using System.Text.RegularExpressions;

namespace Slipway.Git.Checkout;

/// <summary>Where the app's source comes from and which revision of it to build, as given by <c>--app</c>, <c>--branch</c> and <c>--commit</c>.</summary>
/// <param name="Kind">What <see cref="Location"/> is.</param>
/// <param name="Location">The git URL as given, or the full path of the local repository or folder. May carry credentials: use <see cref="DisplayLocation"/> for anything shown.</param>
/// <param name="Branch">The branch to build; for a plain folder only a label. Null means the repository's default branch.</param>
/// <param name="Commit">The exact commit to build (wins over <see cref="Branch"/>); git sources only.</param>
public sealed partial record AppSource(AppSourceKind Kind, string Location, string? Branch, string? Commit)
{
    private static readonly string[] GitSchemes = ["https", "http", "ssh", "git", "file", "git+ssh", "ssh+git"];

    /// <summary>
    /// A ref fetched explicitly before the commit is resolved: a pull request's <c>refs/pull/N/head</c> (GitHub keeps a
    /// fork's commits there on the base repository) or a fork's <c>refs/heads/&lt;branch&gt;</c>. A commit on no fetched
    /// branch, or given as a short hash, resolves once its ref is fetched.
    /// </summary>
    public string? FetchRef { get; init; }

    /// <summary>Where <see cref="FetchRef"/> is fetched from when it is not the app's own remote (a fork's repository URL).</summary>
    public string? FetchFrom { get; init; }

    /// <summary>This source, with a ref to fetch explicitly (and where from).</summary>
    /// <exception cref="CheckoutException">The ref is not a pull request's or a branch's, or the place is not a git URL or repository.</exception>
    public AppSource WithFetch(string? fetchRef, string? fetchFrom, string? baseDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(fetchRef))
        {
            return fetchFrom is null ? this : throw new CheckoutException("--fetch-from needs --fetch-ref: pass the ref to fetch from it.");
        }

        if (Kind == AppSourceKind.Folder)
        {
            throw new CheckoutException($"--fetch-ref needs a git source, but '{Location}' is a plain folder: drop --fetch-ref or point --app at a git repository.");
        }

        if (!FetchRefPattern().IsMatch(fetchRef) || (fetchRef.StartsWith("refs/heads/", StringComparison.Ordinal) && !IsValidBranchName(fetchRef["refs/heads/".Length..])))
        {
            throw new CheckoutException($"The ref '{fetchRef}' is not a pull request's (refs/pull/<number>/head) or a branch's (refs/heads/<branch>): check --fetch-ref.");
        }

        string? from = null;
        if (!string.IsNullOrWhiteSpace(fetchFrom))
        {
            if (KindOf(fetchFrom.Trim(), baseDirectory, out from) == AppSourceKind.Folder)
            {
                throw new CheckoutException($"--fetch-from '{CredentialRedactor.Redact(fetchFrom)}' is a plain folder, not a git repository: pass a git URL or repository.");
            }
        }

        return this with { FetchRef = fetchRef, FetchFrom = from };
    }

    /// <summary>True for git URLs and local repositories, false for a plain folder.</summary>
    public bool IsGit => Kind != AppSourceKind.Folder;

    /// <summary><see cref="Location"/> with credentials redacted, for logs and status reports.</summary>
    public string DisplayLocation => CredentialRedactor.Redact(Location);

    /// <summary>Works out what <c>--app</c> is and checks the options fit it.</summary>
    /// <param name="app">A git URL, a local git repository path or a plain folder path.</param>
    /// <param name="branch">The branch, or null for the default branch.</param>
    /// <param name="commit">A commit id (4 to 40 hex digits), or null for the branch head.</param>
    /// <param name="baseDirectory">What a relative path is relative to; the current directory when null.</param>
    /// <exception cref="CheckoutException">The options name nothing that can be checked out.</exception>
    public static AppSource Resolve(string app, string? branch, string? commit, string? baseDirectory = null)
    {
        if (string.IsNullOrWhiteSpace(app))
        {
            throw new CheckoutException("No app given: pass --app with a git URL, a git repository or a folder.");
        }

        branch = string.IsNullOrWhiteSpace(branch) ? null : branch.Trim();
        commit = string.IsNullOrWhiteSpace(commit) ? null : commit.Trim();
        EnsureValidBranch(branch);
        EnsureValidCommit(commit);

        var kind = KindOf(app.Trim(), baseDirectory, out var location);
        if (kind == AppSourceKind.Folder && commit is not null)
        {
            throw new CheckoutException(
                $"--commit needs a git source, but '{location}' is a plain folder: drop --commit or point --app at a git repository.");
        }

        return new AppSource(kind, location, branch, commit);
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Kind} {DisplayLocation}" + (Commit is not null ? $" @{Commit}" : Branch is not null ? $" ({Branch})" : string.Empty);

    /// <summary>True when <paramref name="branch"/> is a name <c>--branch</c> accepts: a valid git branch name that cannot be read as an option.</summary>
    public static bool IsValidBranchName(string branch) => BranchPattern().IsMatch(branch);

    /// <summary>True when <paramref name="commit"/> is a name <c>--commit</c> accepts: 4 to 40 hexadecimal digits.</summary>
    public static bool IsValidCommitId(string commit) => CommitPattern().IsMatch(commit);

    private static AppSourceKind KindOf(string app, string? baseDirectory, out string location)
    {
        // git reads a word that starts with '-' as an option wherever it stands (--upload-pack=<command> runs a
        // command), and a control character has no place in a URL or a path a person typed.
        if (app.StartsWith('-') || app.Any(char.IsControl))
        {
            throw new CheckoutException(
                $"The app '{CredentialRedactor.Redact(app)}' is not a git URL or a folder (it starts with '-' or holds a control character): pass --app a git URL, a git repository or a folder.");
        }

        var scheme = SchemePattern().Match(app);
        if (scheme.Success)
        {
            if (!GitSchemes.Contains(scheme.Groups["scheme"].Value.ToLowerInvariant()))
            {
                throw new CheckoutException(
                    $"The app URL '{CredentialRedactor.Redact(app)}' uses a scheme git cannot fetch from: use https://, ssh://, git:// or file://.");
            }

            if (!Uri.TryCreate(app, UriKind.Absolute, out var uri) || uri.Host.StartsWith('-') || app.Any(char.IsWhiteSpace))
            {
                throw new CheckoutException(
                    $"The app URL '{CredentialRedactor.Redact(app)}' is not a valid URL (a host that starts with '-' or a space in it): check --app.");
            }

            location = app;
            return AppSourceKind.GitUrl;
        }

        var path = Path.GetFullPath(app, baseDirectory ?? Directory.GetCurrentDirectory());
        if (!Directory.Exists(path) && ScpLikePattern().IsMatch(app))
        {
            location = app;
            return AppSourceKind.GitUrl;
        }

        location = path;
        if (File.Exists(path))
        {
            throw new CheckoutException($"The app '{path}' is a file, not a folder: pass --app a git URL, a git repository or a folder.");
        }

        if (!Directory.Exists(path))
        {
            throw new CheckoutException($"The app folder '{path}' does not exist: pass --app a git URL, a git repository or a folder.");
        }

        return IsRepositoryTop(path) ? AppSourceKind.GitRepository : AppSourceKind.Folder;
    }

    // Only the top of a repository counts: a folder inside some other repository (the bundled example
    // site inside Slipway's own checkout) is a plain folder, not that whole repository.
    private static bool IsRepositoryTop(string path) =>
        Path.Exists(Path.Combine(path, ".git"))
        || (File.Exists(Path.Combine(path, "HEAD"))
            && Directory.Exists(Path.Combine(path, "objects"))
            && Directory.Exists(Path.Combine(path, "refs")));

    private static void EnsureValidBranch(string? branch)
    {
        if (branch is not null && !BranchPattern().IsMatch(branch))
        {
            throw new CheckoutException(
                $"The branch name '{branch}' is not a valid git branch name: check --branch (no spaces, '..', '~', '^', ':', '?', '*', '[' or a leading '-').");
        }
    }

    private static void EnsureValidCommit(string? commit)
    {
        if (commit is not null && !CommitPattern().IsMatch(commit))
        {
            throw new CheckoutException($"The commit '{commit}' is not a commit id: pass --commit 4 to 40 hexadecimal digits.");
        }
    }

    [GeneratedRegex(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://")]
    private static partial Regex SchemePattern();

    // user@host:path or host:path, where the colon comes before any slash (git's own rule). The host is a host
    // name (so not "ext::<command>" or a word starting with '-'), and nothing in it is white space.
    [GeneratedRegex(@"^(?:[A-Za-z0-9._~%+-]+@)?[A-Za-z0-9][A-Za-z0-9.-]*[A-Za-z0-9]:(?![:\\])\S*$")]
    private static partial Regex ScpLikePattern();

    [GeneratedRegex(@"^(?!-)(?!.*\.\.)(?!.*//)(?!.*@\{)(?!/)(?!.*/$)(?!.*\.lock$)(?!.*\.$)[^\s~^:?*\[\\\x00-\x1f\x7f]+$")]
    private static partial Regex BranchPattern();

    [GeneratedRegex(@"^refs/(pull/[0-9]{1,9}/head|heads/[^\s]+)$")]
    private static partial Regex FetchRefPattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{4,40}$")]
    private static partial Regex CommitPattern();
}
