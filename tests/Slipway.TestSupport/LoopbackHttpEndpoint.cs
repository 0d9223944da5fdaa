using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.TestSupport;

/// <summary>
/// The one HTTP/1.1 server the tests' fakes stand on: 127.0.0.1 and a free port, one request per connection,
/// each answered by the fake's handler. It takes any Host header, as a playground's address or a service's
/// virtual host does. A handler that never answers (a peer that hangs) gets the server's stopping token, so that
/// disposing the server closes its connection.
/// </summary>
public sealed class LoopbackHttpEndpoint : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> _handle;
    private readonly Task _accepting;

    public LoopbackHttpEndpoint(Func<LoopbackRequest, CancellationToken, Task<LoopbackResponse>> handle)
    {
        _handle = handle;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    public LoopbackHttpEndpoint(Func<LoopbackRequest, Task<LoopbackResponse>> handle)
        : this((request, _) => handle(request))
    {
    }

    public LoopbackHttpEndpoint(Func<LoopbackRequest, LoopbackResponse> handle)
        : this((request, _) => Task.FromResult(handle(request)))
    {
    }

    /// <summary>http://127.0.0.1:port/.</summary>
    public Uri Url { get; }

    /// <summary>127.0.0.1:port.</summary>
    public string Address => Url.Authority;

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stopping = _stopping.Token;
                await using var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, stopping);
                var response = await _handle(request, stopping);
                await WriteResponseAsync(stream, response, stopping);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the server is stopping: nothing to answer.
            }
        }
    }

    private static async Task<LoopbackRequest> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var head = new List<byte>();
        var one = new byte[1];
        while (!EndsWithBlankLine(head))
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                throw new IOException("The connection closed before the request's headers ended.");
            }

            head.Add(one[0]);
        }

        var lines = Encoding.ASCII.GetString([.. head]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        if (headers.TryGetValue("Expect", out var expect) && expect.Equals("100-continue", StringComparison.OrdinalIgnoreCase))
        {
            await stream.WriteAsync("HTTP/1.1 100 Continue\r\n\r\n"u8.ToArray(), cancellationToken);
        }

        var body = new byte[headers.TryGetValue("Content-Length", out var length) ? int.Parse(length) : 0];
        await stream.ReadExactlyAsync(body, cancellationToken);
        return new LoopbackRequest(requestLine[0], requestLine[1], headers, body);
    }

    private static async Task WriteResponseAsync(NetworkStream stream, LoopbackResponse response, CancellationToken cancellationToken)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.Status} {(HttpStatusCode)response.Status}\r\n");
        foreach (var (name, value) in response.Headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        head.Append($"Content-Length: {response.Body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.ToString()), cancellationToken);
        await stream.WriteAsync(response.Body, cancellationToken);
    }

    private static bool EndsWithBlankLine(List<byte> head) =>
        head.Count >= 4 && head[^4] == '\r' && head[^3] == '\n' && head[^2] == '\r' && head[^1] == '\n';
}
