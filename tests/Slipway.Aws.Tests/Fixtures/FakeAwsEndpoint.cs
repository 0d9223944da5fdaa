using System.Collections.Concurrent;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// An HTTP endpoint on 127.0.0.1 that answers like an AWS service would, from the answers a test
/// scripts, for what moto cannot show: throttling, server errors, refusals, a task that fails to start.
/// </summary>
internal sealed class FakeAwsEndpoint : IAsyncDisposable
{
    private readonly LoopbackHttpEndpoint server;

    public FakeAwsEndpoint(Func<FakeRequest, FakeAnswer> answer)
    {
        // One request at a time, as the scripted answers expect them.
        var gate = new object();
        server = new LoopbackHttpEndpoint(received =>
        {
            var request = new FakeRequest(received.Method, received.Target, received.Headers, received.Text);
            FakeAnswer reply;
            lock (gate)
            {
                Requests.Enqueue(request);
                reply = answer(request);
            }

            return LoopbackResponse.Text(reply.Status, reply.Body, reply.ContentType, reply.Headers);
        });
    }

    public Uri Url => server.Url;

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    /// <summary>The X-Amz-Target operation names (or Action parameters) received, in order.</summary>
    public IReadOnlyList<string> Operations => Requests.Select(request => request.Operation).ToList();

    public ValueTask DisposeAsync() => server.DisposeAsync();
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
