using System.Text.RegularExpressions;
using Slipway.Git;
using Slipway.Git.Checkout;
using Slipway.Git.Releases;

namespace Slipway.Pipeline.Releases;

/// <summary>
/// Finds where a release tag is pushed: the remote of the app's own repository. Slipway's work folder is a
/// clone of whatever <c>--app</c> names, so for a local repository the work folder's <c>origin</c> is that
/// folder; the tag belongs in the folder's own remote, where the team's tags live.
/// </summary>
public sealed partial class AppRemoteLocator(GitCli git)
{
    /// <summary>Works out the URL (or path) the tag goes to.</summary>
    /// <param name="source">The app, as the build checked it out.</param>
    /// <param name="remote">A remote name of the app's repository (<c>origin</c>), or a URL or path.</param>
    /// <param name="cancellationToken">Stops git.</param>
    /// <returns>
    /// A git URL or repository path: the URL itself for an app given as a URL; for a local repository its
    /// remote of that name, or the repository itself when it has no <c>origin</c> at all.
    /// </returns>
    /// <exception cref="ReleaseException">The remote name means nothing for this app.</exception>
    public async Task<string> LocateAsync(AppSource source, string remote, CancellationToken cancellationToken)
    {
        if (IsLocation(remote))
        {
            return remote;
        }

        switch (source.Kind)
        {
            case AppSourceKind.GitUrl when remote == ReleaseOptions.DefaultRemote:
                return source.Location;
            case AppSourceKind.GitUrl:
                throw new ReleaseException(
                    $"The app is the URL {source.DisplayLocation}, which has no remote named '{remote}': leave --remote at origin or pass the remote's URL.");
            case AppSourceKind.GitRepository:
                var result = await git.TryRunAsync(source.Location, ["remote", "get-url", "--", remote], cancellationToken);
                if (result.Succeeded)
                {
                    return Absolute(result.StandardOutput.Trim(), source.Location);
                }

                if (remote == ReleaseOptions.DefaultRemote)
                {
                    return source.Location;
                }

                throw new ReleaseException(
                    $"The app repository '{source.Location}' has no remote named '{remote}': check --remote, or add that remote to the repository.");
            default:
                throw new ReleaseException(
                    $"'{source.Location}' is a plain folder, which has no remote to push a release tag to: point --app at a git repository or URL.");
        }
    }

    // Remote names cannot hold ':' and never start with '/' or '.'; URLs, scp-like addresses and paths do.
    private static bool IsLocation(string remote) =>
        remote.Contains(':', StringComparison.Ordinal) || Path.IsPathRooted(remote) || remote.StartsWith('.');

    // git resolves a relative path remote against the repository's folder; later commands run elsewhere.
    private static string Absolute(string url, string repository) =>
        url.Contains("://", StringComparison.Ordinal) || ScpLikePattern().IsMatch(url) || Path.IsPathRooted(url)
            ? url
            : Path.GetFullPath(url, repository);

    [GeneratedRegex(@"^[^/:\s]{2,}:")]
    private static partial Regex ScpLikePattern();
}
