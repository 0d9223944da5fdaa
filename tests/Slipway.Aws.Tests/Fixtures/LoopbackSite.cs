using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// A one-page HTTP site on 127.0.0.1 standing in for the playground (moto's task addresses exist nowhere),
/// answering any Host header, which it remembers.
/// </summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly Task loop;

    public LoopbackSite(string page)
    {
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        loop = Task.Run(() => ServeAsync(page));
    }

    public Uri Url { get; }

    public ConcurrentQueue<string> HostsAsked { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task ServeAsync(string page)
    {
        while (!stopping.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stopping.Token);
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            string? line;
            while (!string.IsNullOrEmpty(line = await reader.ReadLineAsync(stopping.Token)))
            {
                if (line.StartsWith("Host:", StringComparison.OrdinalIgnoreCase))
                {
                    HostsAsked.Enqueue(line["Host:".Length..].Trim());
                }
            }

            var body = Encoding.UTF8.GetBytes(page);
            var head = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
            await stream.WriteAsync(head, stopping.Token);
            await stream.WriteAsync(body, stopping.Token);
        }
    }
}
