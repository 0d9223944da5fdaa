using System.Net.Sockets;

namespace Slipway.Docker.Engine;

/// <summary>Creates the HttpClient that speaks HTTP/1.1 to the engine, over its unix socket when it has one.</summary>
internal static class EngineHttpClient
{
    public static HttpClient Create(DockerEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler
        {
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            UseProxy = false,
        };
        if (endpoint.SocketPath is { } socketPath)
        {
            handler.ConnectCallback = (_, cancellationToken) => ConnectUnixAsync(socketPath, cancellationToken);
        }

        // Build, push, logs and wait stream for as long as the work takes; callers bound them by cancellation.
        return new HttpClient(handler) { BaseAddress = endpoint.HttpBase, Timeout = Timeout.InfiniteTimeSpan };
    }

    private static async ValueTask<Stream> ConnectUnixAsync(string socketPath, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
