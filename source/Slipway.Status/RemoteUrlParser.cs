using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Slipway.Status;

/// <summary>
/// Reads a git remote (https://github.com/o/r.git, git@github.com:o/r.git, ssh://git@bitbucket.org/w/r.git,
/// https://user@bitbucket.org/w/r.git) into the repository it names.
/// </summary>
public static partial class RemoteUrlParser
{
    /// <summary>
    /// The repository <paramref name="remoteUrl"/> names, with the provider read from the host (github.com,
    /// bitbucket.org) unless <paramref name="provider"/> says it (GitHub Enterprise on its own host).
    /// </summary>
    public static bool TryParse(
        string? remoteUrl,
        VcsProvider? provider,
        [NotNullWhen(true)] out RepositoryCoordinates? repository)
    {
        repository = null;
        if (!TrySplit(remoteUrl, out var host, out var path))
        {
            return false;
        }

        var segments = path.Trim('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resolved = provider ?? ProviderOf(host);
        if (segments.Length < 2 || resolved is null)
        {
            return false;
        }

        var name = segments[^1].EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? segments[^1][..^4] : segments[^1];
        if (name.Length == 0)
        {
            return false;
        }

        repository = new RepositoryCoordinates(resolved.Value, host, segments[^2], name);
        return true;
    }

    /// <summary>The provider a well-known host belongs to, or null for any other host.</summary>
    public static VcsProvider? ProviderOf(string host) => host.ToLowerInvariant() switch
    {
        "github.com" or "www.github.com" => VcsProvider.GitHub,
        "bitbucket.org" or "www.bitbucket.org" => VcsProvider.Bitbucket,
        _ => null,
    };

    /// <summary>The remote without its user and password, safe to print.</summary>
    public static string Redact(string remoteUrl) =>
        TrySplit(remoteUrl, out var host, out var path) ? $"{host}{(path.StartsWith('/') ? "" : "/")}{path}" : "(unreadable remote)";

    private static bool TrySplit(string? remoteUrl, out string host, out string path)
    {
        host = "";
        path = "";
        if (string.IsNullOrWhiteSpace(remoteUrl))
        {
            return false;
        }

        var trimmed = remoteUrl.Trim();
        if (trimmed.Contains("://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) || uri.IsFile || string.IsNullOrEmpty(uri.Host))
            {
                return false;
            }

            host = uri.Host;
            path = Uri.UnescapeDataString(uri.AbsolutePath);
            return true;
        }

        var scpLike = ScpLikeRemote().Match(trimmed);
        if (!scpLike.Success)
        {
            return false;
        }

        host = scpLike.Groups["host"].Value;
        path = scpLike.Groups["path"].Value;
        return true;
    }

    // user@host:path, as git reads it: no slash before the colon, and a host of at least two characters so
    // that a Windows drive (C:\repo) is not taken for one.
    [GeneratedRegex(@"^(?:[^@/\\]+@)?(?<host>[A-Za-z0-9][A-Za-z0-9.\-]+):(?<path>[^\\].*)$")]
    private static partial Regex ScpLikeRemote();
}
