using Slipway.Platform;

namespace Slipway.Pipeline.Releases;

/// <summary>
/// Releases the image to a registry v2 (<c>--release-registry host:port</c>): tags the tested image
/// <c>&lt;registry&gt;/&lt;repository&gt;:&lt;version&gt;</c> on the engine that built it, pushes that, and drops the
/// extra local tag again. Pushing the same reference again (a second run) is harmless.
/// </summary>
/// <param name="store">The engine's tag and push.</param>
/// <param name="registry">The registry's host:port (or host), e.g. <c>127.0.0.1:5000</c>.</param>
/// <param name="credentials">Credentials for the push; null uses what <c>docker login</c> stored, or none.</param>
public sealed class RegistryReleasePublisher(IImageStore store, string registry, RegistryCredentials? credentials = null) : IReleaseImagePublisher
{
    private readonly string _registry = registry.Trim().TrimEnd('/');

    /// <inheritdoc />
    public string Describe(string repository, string version) => $"{_registry}/{repository}:{version}";

    /// <inheritdoc />
    public async Task<ReleasedImage> PublishAsync(string testedImage, string repository, string version, Ownership owner, CancellationToken cancellationToken)
    {
        var reference = Describe(repository, version);
        await store.TagAsync(testedImage, reference, cancellationToken);
        try
        {
            var digest = await store.PushAsync(reference, credentials, cancellationToken);
            return new ReleasedImage(reference, digest);
        }
        finally
        {
            // Only the extra name goes: the tested image keeps its own tag and its labels for teardown.
            await store.RemoveAsync(reference, CancellationToken.None);
        }
    }
}
