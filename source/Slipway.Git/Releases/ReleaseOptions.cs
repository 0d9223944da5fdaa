namespace Slipway.Git.Releases;

/// <summary>How a planned release is applied.</summary>
/// <param name="Remote">The remote to push the tag to (a remote name such as <c>origin</c>, or a URL); null keeps the tag local.</param>
/// <param name="DryRun">Say what would be done, check the refusals, change nothing.</param>
/// <param name="Tagger">Who the tag names as its tagger; null uses git's own configuration (user.name, user.email).</param>
public sealed record ReleaseOptions(string? Remote = ReleaseOptions.DefaultRemote, bool DryRun = false, GitIdentity? Tagger = null)
{
    /// <summary>The remote a checkout's work folder knows the app by.</summary>
    public const string DefaultRemote = "origin";
}
