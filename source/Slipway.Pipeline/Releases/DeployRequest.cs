using Slipway.Git.Releases;

namespace Slipway.Pipeline.Releases;

/// <summary>What a deploy is asked to release, resolved from the build's parameters.</summary>
/// <param name="Version">The bump level or the exact version (<c>--bump</c>, <c>--version</c>).</param>
/// <param name="Repository">The release image's repository in the release registry; null means the app's name.</param>
/// <param name="Remote">
/// The remote of the app's repository the version tag is pushed to: a remote name (<c>origin</c>) of the app's
/// own repository, or a URL.
/// </param>
/// <param name="DryRun">Say what would be tagged and pushed, make the same checks, change nothing.</param>
public sealed record DeployRequest(
    VersionRequest Version,
    string? Repository = null,
    string Remote = ReleaseOptions.DefaultRemote,
    bool DryRun = false);
