using NuGet.Versioning;

namespace Slipway.Git.Releases;

/// <summary>The release a commit would get, worked out without changing anything.</summary>
/// <param name="Repository">The local repository the release is made in (the checkout's work folder).</param>
/// <param name="Commit">The full id of the commit to tag.</param>
/// <param name="PreviousVersion">The highest release reachable from the commit before this one, or null for a first release.</param>
/// <param name="Version">The version to release.</param>
/// <param name="Commits">The commits since <see cref="PreviousVersion"/>, newest first, merges left out.</param>
/// <param name="Notes">The release notes, Markdown; they become the tag's message.</param>
/// <param name="AlreadyReleased">True when the commit already carries the tag of <see cref="Version"/>: running the release again changes nothing locally.</param>
public sealed record ReleasePlan(
    string Repository,
    string Commit,
    SemanticVersion? PreviousVersion,
    SemanticVersion Version,
    IReadOnlyList<ConventionalCommit> Commits,
    string Notes,
    bool AlreadyReleased)
{
    /// <summary>The tag name, e.g. <c>v1.4.0</c>.</summary>
    public string Tag => VersionTag.NameOf(Version);

    /// <summary>The plain version text, e.g. <c>1.4.0</c>, as used for the release image tag.</summary>
    public string VersionText => Version.ToNormalizedString();

    /// <summary>The first seven characters of <see cref="Commit"/>.</summary>
    public string ShortCommit => Commit[..7];
}
