using Slipway.Git.Releases;

namespace Slipway.Pipeline.Releases;

/// <summary>What a deploy did, or in a dry run would do.</summary>
/// <param name="Release">The git side: the planned version, its notes, the tag and its push.</param>
/// <param name="Image">The released image; null in a dry run.</param>
/// <param name="Summary">What happened, for people: the tag's sentence, then the image's.</param>
public sealed record DeployOutcome(ReleaseOutcome Release, ReleasedImage? Image, string Summary)
{
    /// <summary>The released version, e.g. <c>1.4.0</c>.</summary>
    public string Version => Release.Plan.VersionText;

    /// <summary>The release notes (Markdown), also the tag's message.</summary>
    public string Notes => Release.Plan.Notes;

    /// <summary>True when nothing was changed because this was a dry run.</summary>
    public bool DryRun => Image is null;

    /// <summary>One short line for the stage's status: the tag and, when released, the image with the start of its digest.</summary>
    public string StageSummary =>
        Image is null ? $"dry run: {Release.Plan.Tag} on {Release.Plan.ShortCommit}"
        : Image.Digest is null ? $"{Release.Plan.Tag} on {Release.Plan.ShortCommit}, {Image.Reference}"
        : $"{Release.Plan.Tag} on {Release.Plan.ShortCommit}, {Image.Reference} ({Image.Digest[..Math.Min(Image.Digest.Length, 19)]})";
}
