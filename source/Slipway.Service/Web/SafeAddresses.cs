namespace Slipway.Service.Web;

/// <summary>
/// What the service accepts in the parts of an address a stranger can choose: where a login goes next, and a run id.
/// Browsers drop tabs and line breaks from addresses and read a backslash as a slash, so <c>/\t/evil</c> is
/// <c>//evil</c> to them: only plain printable ASCII without backslashes is taken, anything else goes to the runs page.
/// </summary>
public static class SafeAddresses
{
    private const int MaxRunIdLength = 100;

    /// <summary><paramref name="next"/> when it is a path on this site; otherwise <c>/</c>.</summary>
    public static string LocalPath(string? next)
    {
        if (next is not { Length: > 0 } path || path[0] != '/' || path.Length > 2000)
        {
            return "/";
        }

        foreach (var character in path)
        {
            if (character is <= ' ' or > '~' or '\\')
            {
                return "/";
            }
        }

        // "//host" and "/%2Fhost" (which some servers and proxies decode) name another host.
        var second = path.Length > 1 ? path[1] : '\0';
        return second == '/' || path.StartsWith("/%2f", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/%5c", StringComparison.OrdinalIgnoreCase)
            ? "/"
            : path;
    }

    /// <summary>True when <paramref name="id"/> could be a run id: letters, digits, '-', '_' and '.' only.</summary>
    public static bool IsRunId(string? id) =>
        id is { Length: > 0 and <= MaxRunIdLength } && id.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.');
}
