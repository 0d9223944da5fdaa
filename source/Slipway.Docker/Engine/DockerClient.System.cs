namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Checks that the engine answers.</summary>
    /// <exception cref="DockerException">The engine cannot be reached; the message says where the client looked.</exception>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, "/_ping", cancellationToken, versioned: false);
    }

    /// <summary>The engine's version and the API versions it speaks.</summary>
    public Task<DockerVersion> GetVersionAsync(CancellationToken cancellationToken) =>
        ReadVersionAsync(versioned: true, cancellationToken);

    /// <summary>The API version this client uses with the engine, negotiated on first use.</summary>
    public async Task<string> GetApiVersionAsync(CancellationToken cancellationToken) =>
        (await ApiPrefixAsync(cancellationToken))["/v".Length..];

    private async Task<DockerVersion> ReadVersionAsync(bool versioned, CancellationToken cancellationToken)
    {
        var json = await SendForJsonAsync(HttpMethod.Get, "/version", cancellationToken, versioned: versioned);
        return new DockerVersion(
            json.String("Version") ?? "unknown",
            json.String("ApiVersion") ?? TargetApiVersion,
            json.String("MinAPIVersion"),
            json.String("Os") ?? "unknown",
            json.String("Arch") ?? "unknown");
    }
}
