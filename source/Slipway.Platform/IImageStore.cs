namespace Slipway.Platform;

/// <summary>Credentials for a registry push; <see cref="Password"/> is a secret and is never logged.</summary>
public sealed record RegistryCredentials(string Username, string Password, string ServerAddress)
{
    public override string ToString() => $"{Username}@{ServerAddress}";
}

/// <summary>The local image store of the engine that builds images (tag and push), used by every platform.</summary>
public interface IImageStore
{
    Task TagAsync(string sourceImage, string targetReference, CancellationToken cancellationToken);

    /// <summary>Pushes a reference and returns the pushed manifest digest (sha256:...).</summary>
    Task<string> PushAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken);

    Task RemoveAsync(string reference, CancellationToken cancellationToken);
}
