using System.Text.RegularExpressions;
using NuGet.Versioning;

namespace Slipway.Git.Releases;

/// <summary>Release tags: <c>v</c> followed by a strict <c>MAJOR.MINOR.PATCH</c> (no leading zeros, no pre-release, no build metadata).</summary>
public static partial class VersionTag
{
    /// <summary>The tag name of a release version, e.g. <c>v1.4.0</c>.</summary>
    public static string NameOf(SemanticVersion version) => $"v{version.Major}.{version.Minor}.{version.Patch}";

    /// <summary>True when the tag name is a release tag; pre-release tags (<c>v1.0.0-rc.1</c>) and anything else are not.</summary>
    public static bool TryParse(string tagName, out SemanticVersion version)
    {
        var match = ReleaseTagPattern().Match(tagName);
        if (!match.Success
            || !int.TryParse(match.Groups["major"].Value, out var major)
            || !int.TryParse(match.Groups["minor"].Value, out var minor)
            || !int.TryParse(match.Groups["patch"].Value, out var patch))
        {
            version = new SemanticVersion(0, 0, 0);
            return false;
        }

        version = new SemanticVersion(major, minor, patch);
        return true;
    }

    /// <summary>The release versions among the tag names, highest first.</summary>
    public static IReadOnlyList<SemanticVersion> ReleasesAmong(IEnumerable<string> tagNames) =>
        tagNames
            .Select(name => TryParse(name.Trim(), out var version) ? version : null)
            .OfType<SemanticVersion>()
            .OrderByDescending(version => version)
            .ToList();

    [GeneratedRegex(@"^v(?<major>0|[1-9][0-9]{0,8})\.(?<minor>0|[1-9][0-9]{0,8})\.(?<patch>0|[1-9][0-9]{0,8})$")]
    private static partial Regex ReleaseTagPattern();
}
