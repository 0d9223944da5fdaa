using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>The local engine's images: tag, push to a registry, remove.</summary>
/// <param name="progress">Where push progress goes: a line per few seconds with layers and bytes done, and the digest line.</param>
public sealed class DockerImageStore(DockerClient client, Action<string>? progress = null) : IImageStore
{
    public Task TagAsync(string sourceImage, string targetReference, CancellationToken cancellationToken) =>
        client.TagImageAsync(sourceImage, targetReference, cancellationToken);

    /// <summary>Pushes <paramref name="reference"/>; without credentials, those <c>docker login</c> stored for the registry are used.</summary>
    public Task<string> PushAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken) =>
        client.PushImageAsync(reference, credentials, progress, cancellationToken);

    /// <summary>Removes the reference (the image itself once no other reference keeps it); a reference already gone is fine.</summary>
    public async Task RemoveAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            await client.RemoveImageAsync(reference, force: false, noPrune: false, cancellationToken);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already gone.
        }
    }
}
