namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Checks that the engine answers.</summary>
    /// <exception cref="DockerException">The engine cannot be reached; the message says where the client looked.</exception>
    public Task PingAsync(CancellationToken cancellationToken) =>
        CallAsync(client => client.System.PingAsync(cancellationToken));

    /// <summary>The engine's version and the API versions it speaks.</summary>
    public async Task<DockerVersion> GetVersionAsync(CancellationToken cancellationToken)
    {
        var version = await CallAsync(client => client.System.GetVersionAsync(cancellationToken));
        return new DockerVersion(
            version.Version ?? "unknown",
            version.APIVersion ?? "unknown",
            string.IsNullOrEmpty(version.MinAPIVersion) ? null : version.MinAPIVersion,
            version.Os ?? "unknown",
            version.Arch ?? "unknown");
    }

    /// <summary>The storage driver the engine keeps images and containers with (overlay2, vfs, ...).</summary>
    public async Task<string> GetStorageDriverAsync(CancellationToken cancellationToken) =>
        (await CallAsync(client => client.System.GetSystemInfoAsync(cancellationToken))).Driver ?? "unknown";
}
