using System.Net;
using System.Net.Sockets;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that records every request and answers with a handler;
/// answers queued with <see cref="AnswerNext"/> go first, to script outages and rate limits.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<RecordedRequest, HttpAnswer> handle;
    private readonly List<RecordedRequest> requests = [];
    private readonly Queue<(Func<RecordedRequest, bool> Matches, HttpAnswer Answer)> scripted = new();
    private readonly Lock gate = new();
    private readonly Task accepting;

    public LoopbackHttpServer(Func<RecordedRequest, HttpAnswer> handle)
    {
        this.handle = handle;
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            listener.Prefixes.Clear();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                BaseUrl = new Uri($"http://127.0.0.1:{port}/");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
            }
        }

        accepting = Task.Run(AcceptAsync);
    }

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToList();
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests that match with <paramref name="answer"/> instead of the handler.</summary>
    public void AnswerNext(int count, HttpAnswer answer, Func<RecordedRequest, bool>? matches = null)
    {
        lock (gate)
        {
            for (var index = 0; index < count; index++)
            {
                scripted.Enqueue((matches ?? (_ => true), answer));
            }
        }
    }

    /// <summary>A loopback address where nothing listens, for "connection refused".</summary>
    public static Uri ClosedPortUrl() => new($"http://127.0.0.1:{FreePort()}/");

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(context));
        }
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers.AllKeys
            .Where(key => key is not null)
            .ToDictionary(key => key!, key => context.Request.Headers[key]!, StringComparer.OrdinalIgnoreCase);
        var request = new RecordedRequest(
            context.Request.HttpMethod,
            context.Request.Url!.AbsolutePath,
            headers,
            body,
            DateTimeOffset.UtcNow);

        HttpAnswer answer;
        lock (gate)
        {
            requests.Add(request);
            answer = scripted.Count > 0 && scripted.Peek().Matches(request) ? scripted.Dequeue().Answer : null!;
        }

        answer ??= handle(request);
        try
        {
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers)
            {
                context.Response.Headers[name] = value;
            }

            var bytes = System.Text.Encoding.UTF8.GetBytes(answer.Body);
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
        {
        }
    }
}
