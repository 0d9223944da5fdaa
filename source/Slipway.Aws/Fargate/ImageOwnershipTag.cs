using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Aws.Fargate;

/// <summary>
/// ECR images carry no labels Slipway can query (ECR's tags belong to the repository, not to an image), so the pushed
/// tag itself says who owns the image: <c>&lt;local tag&gt;--&lt;4 hex of the app&gt;&lt;4 hex of the installation&gt;&lt;8 hex of
/// app, branch and installation&gt;</c>. Branch slugs never hold "--", so the marker cannot be mistaken for part of a
/// slug, and any machine of the installation can find a branch's images from the app and branch names alone; another
/// installation's images (and those pushed before installations had ids, whose marker is 12 hex) never match.
/// </summary>
internal static partial class ImageOwnershipTag
{
    private const int MaxTagLength = 128;

    public static string For(string localTag, string app, string branch, string? installation)
    {
        var marker = Marker(app, branch, installation);
        var room = MaxTagLength - marker.Length;
        return (localTag.Length > room ? localTag[..room] : localTag) + marker;
    }

    /// <summary>True when the tag marks an image of the app (and of the branch, when one is given) and of the installation.</summary>
    public static bool Matches(string tag, string app, string? branch, string? installation)
    {
        var match = (installation is null ? LegacyMarkerPattern() : MarkerPattern()).Match(tag);
        if (!match.Success)
        {
            return false;
        }

        return branch is null
            ? match.Groups[1].Value == Hash(app)[..4] && (installation is null || match.Groups[2].Value == Hash(installation)[..4])
            : match.Value == Marker(app, branch, installation);
    }

    /// <summary>The tag part of an image reference (after the last colon of the last path segment); "latest" when it has none.</summary>
    public static string LocalTag(string imageReference)
    {
        var withoutDigest = imageReference.Split('@')[0];
        var lastSegment = withoutDigest[(withoutDigest.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        return colon >= 0 && colon < lastSegment.Length - 1 ? lastSegment[(colon + 1)..] : "latest";
    }

    private static string Marker(string app, string branch, string? installation) => installation is null
        ? $"--{Hash(app)[..4]}{Hash(app + "\n" + branch)[..8]}"
        : $"--{Hash(app)[..4]}{Hash(installation)[..4]}{Hash(app + "\n" + branch + "\n" + installation)[..8]}";

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex("--([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{8})$")]
    private static partial Regex MarkerPattern();

    [GeneratedRegex("--([0-9a-f]{4})([0-9a-f]{8})$")]
    private static partial Regex LegacyMarkerPattern();
}
