using Slipway.Docker.Engine;
using Slipway.Pipeline.Releases;
using Slipway.Platform;

namespace Slipway.Composition.Releases;

/// <summary>
/// Releases the image to a registry v2 (<c>--release-registry host:port</c>): tags the tested image
/// <c>&lt;registry&gt;/&lt;repository&gt;:&lt;version&gt;</c> on the engine that built it, pushes that, and drops the
/// extra local tag again. The registry is asked first whether it already holds the version.
/// </summary>
public sealed class RegistryReleasePublisher : IReleaseImagePublisher
{
    private static readonly HttpClient SharedHttp = new() { Timeout = TimeSpan.FromSeconds(30) };

    private readonly IImageStore _store;
    private readonly string _registry;
    private readonly RegistryCredentials? _credentials;
    private readonly RegistryManifestReader _manifests;

    /// <param name="store">The engine's tag and push.</param>
    /// <param name="registry">The registry's host:port (or host), e.g. <c>127.0.0.1:5000</c>.</param>
    /// <param name="credentials">Credentials for the registry; null uses what <c>docker login</c> stored, or none.</param>
    /// <param name="manifests">How the registry is asked for a version; null asks it over a shared HTTP client.</param>
    public RegistryReleasePublisher(IImageStore store, string registry, RegistryCredentials? credentials = null, RegistryManifestReader? manifests = null)
    {
        _store = store;
        _registry = registry.Trim().TrimEnd('/');
        _credentials = credentials;
        _manifests = manifests ?? new RegistryManifestReader(SharedHttp);
    }

    /// <inheritdoc />
    public string Describe(string repository, string version) => $"{_registry}/{repository}:{version}";

    /// <inheritdoc />
    public async Task<ReleasedImage?> FindAsync(string repository, string version, CancellationToken cancellationToken)
    {
        var credentials = _credentials ?? DockerConfigFile.ForCurrentUser().FindCredentials(_registry);
        var digest = await _manifests.FindDigestAsync(_registry, repository, version, credentials, cancellationToken);
        return digest is null ? null : new ReleasedImage(Describe(repository, version), digest);
    }

    /// <inheritdoc />
    public async Task<ReleasedImage> PublishAsync(string testedImage, string repository, string version, Ownership owner, CancellationToken cancellationToken)
    {
        var reference = Describe(repository, version);
        await _store.TagAsync(testedImage, reference, cancellationToken);
        try
        {
            var digest = await _store.PushAsync(reference, _credentials, cancellationToken);
            return new ReleasedImage(reference, digest);
        }
        finally
        {
            // Only the extra name goes: the tested image keeps its own tag and its labels for teardown.
            await _store.RemoveAsync(reference, CancellationToken.None);
        }
    }
}
