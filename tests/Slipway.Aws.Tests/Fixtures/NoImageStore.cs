using Slipway.Platform;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>An image store for tests that publish nothing: any use of it fails the test.</summary>
internal sealed class NoImageStore : IImageStore
{
    public Task TagAsync(string sourceImage, string targetReference, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This test publishes no image.");

    public Task<string> PushAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This test publishes no image.");

    public Task RemoveAsync(string reference, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("This test publishes no image.");
}
