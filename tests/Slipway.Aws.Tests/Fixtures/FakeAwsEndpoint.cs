using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that answers like an AWS service would, from the answers a test
/// scripts, for what moto cannot show: throttling, server errors, refusals, a task that fails to start.
/// </summary>
internal sealed class FakeAwsEndpoint : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly Func<FakeRequest, FakeAnswer> answer;
    private readonly Task loop;

    public FakeAwsEndpoint(Func<FakeRequest, FakeAnswer> answer)
    {
        this.answer = answer;
        var port = LoopbackPort.Free();
        Url = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Url.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The X-Amz-Target operation names (or Action parameters) received, in order.</summary>
    public IReadOnlyList<string> Operations => Requests.Select(request => request.Operation).ToList();

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        listener.Close();
        try
        {
            await loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task ServeAsync()
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

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(key => key, key => context.Request.Headers[key] ?? "", StringComparer.OrdinalIgnoreCase);
            var request = new FakeRequest(context.Request.HttpMethod, context.Request.RawUrl ?? "/", headers, body);
            Requests.Enqueue(request);

            var reply = answer(request);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
            {
                context.Response.Headers[name] = value;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}

/// <summary>A request the fake endpoint received.</summary>
internal sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The operation: the part of X-Amz-Target after the dot, or the Query protocol's Action.</summary>
    public string Operation =>
        Headers.TryGetValue("X-Amz-Target", out var target) ? target[(target.IndexOf('.') + 1)..]
        : Body.Split('&').FirstOrDefault(pair => pair.StartsWith("Action=", StringComparison.Ordinal))?["Action=".Length..] ?? $"{Method} {Path}";
}

/// <summary>An answer the fake endpoint sends.</summary>
internal sealed record FakeAnswer(int Status, string Body, string ContentType = "application/x-amz-json-1.1", IReadOnlyDictionary<string, string>? Headers = null)
{
    public static FakeAnswer Json(string body) => new(200, body);

    public static FakeAnswer JsonError(int status, string code, string message) =>
        new(status, $$"""{"__type":"com.amazonaws.ecs#{{code}}","message":"{{message}}"}""");
}
