using NuGet.Versioning;

namespace Slipway.Git.Releases;

/// <summary>What the next release version should be: a bump level, or an explicit version.</summary>
/// <param name="Bump">The level to raise; ignored when <see cref="Explicit"/> is given.</param>
/// <param name="Explicit">The exact version to release; it must be greater than the last release.</param>
public sealed record VersionRequest(BumpLevel Bump, SemanticVersion? Explicit = null)
{
    /// <summary>Bump from the conventional commits.</summary>
    public static VersionRequest Auto { get; } = new(BumpLevel.Auto);

    /// <summary>Reads <c>major</c>, <c>minor</c>, <c>patch</c>, <c>auto</c> or a version (<c>1.4.0</c> or <c>v1.4.0</c>).</summary>
    /// <exception cref="ReleaseException">The text is neither.</exception>
    public static VersionRequest Parse(string text)
    {
        var trimmed = text.Trim();
        BumpLevel? bump = trimmed.ToLowerInvariant() switch
        {
            "auto" => BumpLevel.Auto,
            "patch" => BumpLevel.Patch,
            "minor" => BumpLevel.Minor,
            "major" => BumpLevel.Major,
            _ => null,
        };
        if (bump is not null)
        {
            return new VersionRequest(bump.Value);
        }

        var tagName = trimmed.StartsWith('v') ? trimmed : $"v{trimmed}";
        if (VersionTag.TryParse(tagName, out var version))
        {
            return new VersionRequest(BumpLevel.Auto, version);
        }

        throw new ReleaseException(
            $"'{text}' is neither a bump level nor a release version: use major, minor, patch, auto or a version such as 1.4.0 (no pre-release suffix).");
    }

    /// <inheritdoc />
    public override string ToString() =>
        Explicit is not null ? VersionTag.NameOf(Explicit) : Bump.ToString().ToLowerInvariant();
}
