using Slipway.Platform;

namespace Slipway.Pipeline.Releases;

/// <summary>
/// Puts the tested image, unchanged (same layers, same digest, no rebuild), where operations roll releases out
/// from, under the release version: any registry v2 (<see cref="RegistryReleasePublisher"/>), or wherever the
/// platform publishes images, ECR on AWS (<see cref="PlatformReleasePublisher"/>).
/// </summary>
public interface IReleaseImagePublisher
{
    /// <summary>Where the image would be released, for a dry run's message, e.g. <c>127.0.0.1:5000/shop:1.4.0</c>.</summary>
    string Describe(string repository, string version);

    /// <summary>
    /// The image already released as <paramref name="repository"/>:<paramref name="version"/>, or null when there is
    /// none, or when this publisher cannot tell (then a second run publishes again).
    /// </summary>
    Task<ReleasedImage?> FindAsync(string repository, string version, CancellationToken cancellationToken);

    /// <summary>Publishes <paramref name="testedImage"/> as <paramref name="repository"/>:<paramref name="version"/>.</summary>
    /// <param name="testedImage">The local image the tests ran against.</param>
    /// <param name="repository">The release repository, e.g. the app's name.</param>
    /// <param name="version">The plain version, e.g. <c>1.4.0</c>.</param>
    /// <param name="owner">Who the release belongs to, for platforms that label what they publish.</param>
    /// <param name="cancellationToken">Stops the push.</param>
    Task<ReleasedImage> PublishAsync(string testedImage, string repository, string version, Ownership owner, CancellationToken cancellationToken);
}

/// <summary>The tested image as it was released.</summary>
/// <param name="Reference">Where it can be pulled from, e.g. <c>127.0.0.1:5000/shop:1.4.0</c>.</param>
/// <param name="Digest">The manifest digest the registry reported (<c>sha256:...</c>); null when the image did not go through a registry push this stage could see.</param>
public sealed record ReleasedImage(string Reference, string? Digest)
{
    /// <summary>The reference pinned to its digest when known: what operations roll out.</summary>
    public string PinnedReference => Digest is null ? Reference : $"{Reference}@{Digest}";
}
