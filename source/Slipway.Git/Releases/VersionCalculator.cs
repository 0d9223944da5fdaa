using NuGet.Versioning;

namespace Slipway.Git.Releases;

/// <summary>
/// The next release version from the last one and the commits since. Rules (docs/releases.md):
/// the first release is 0.1.0 whatever the bump; before 1.0.0 a breaking change raises the minor
/// version, as a feature does (1.0.0 is only ever reached by asking for it: <c>major</c> or an
/// explicit version).
/// </summary>
public static class VersionCalculator
{
    /// <summary>The version every app's first release gets, unless an explicit version is asked for.</summary>
    public static SemanticVersion FirstVersion { get; } = new(0, 1, 0);

    /// <summary>Computes the next version.</summary>
    /// <param name="last">The highest release reachable from the commit, or null when there is none.</param>
    /// <param name="request">The bump level or explicit version asked for.</param>
    /// <param name="commits">The commits since <paramref name="last"/>, read for <see cref="BumpLevel.Auto"/>.</param>
    /// <exception cref="ReleaseException">An explicit version is not greater than the last release.</exception>
    public static SemanticVersion Next(SemanticVersion? last, VersionRequest request, IReadOnlyList<ConventionalCommit> commits)
    {
        if (request.Explicit is { } wanted)
        {
            if (last is not null && wanted <= last)
            {
                throw new ReleaseException(
                    $"Version {VersionTag.NameOf(wanted)} is not greater than the last release {VersionTag.NameOf(last)}: ask for a higher version or for a bump level.");
            }

            return wanted;
        }

        if (last is null)
        {
            return FirstVersion;
        }

        return BumpOf(request.Bump, commits) switch
        {
            BumpLevel.Major when last.Major == 0 && request.Bump == BumpLevel.Auto => Minor(last),
            BumpLevel.Major => new SemanticVersion(last.Major + 1, 0, 0),
            BumpLevel.Minor => Minor(last),
            _ => new SemanticVersion(last.Major, last.Minor, last.Patch + 1),
        };
    }

    /// <summary>The level <see cref="BumpLevel.Auto"/> stands for with these commits: major for any breaking change, minor for any feature, else patch.</summary>
    public static BumpLevel BumpOf(BumpLevel requested, IReadOnlyList<ConventionalCommit> commits)
    {
        if (requested != BumpLevel.Auto)
        {
            return requested;
        }

        return commits.Any(commit => commit.IsBreaking) ? BumpLevel.Major
            : commits.Any(commit => commit.IsFeature) ? BumpLevel.Minor
            : BumpLevel.Patch;
    }

    private static SemanticVersion Minor(SemanticVersion last) => new(last.Major, last.Minor + 1, 0);
}
