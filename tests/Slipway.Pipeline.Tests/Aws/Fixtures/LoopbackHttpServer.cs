using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// A small HTTP/1.1 server on 127.0.0.1 for the parts the tests play: one request per connection, answered
/// by a handler. It takes any Host header, as the playground's address does.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Func<LoopbackRequest, Task<LoopbackResponse>> _handle;
    private readonly Task _accepting;

    public LoopbackHttpServer(Func<LoopbackRequest, Task<LoopbackResponse>> handle)
    {
        _handle = handle;
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = Task.Run(AcceptAsync);
    }

    public Uri Url { get; }

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
                await using var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stopping.Token);
                var response = await _handle(request);
                await WriteResponseAsync(stream, response, _stopping.Token);
            }
            catch (Exception exception) when (exception is IOException or OperationCanceledException or SocketException)
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
