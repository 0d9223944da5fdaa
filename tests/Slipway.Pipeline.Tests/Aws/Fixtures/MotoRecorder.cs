using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// Stands between Slipway and moto for a service (AWS_ENDPOINT_URL_&lt;SERVICE&gt;): passes every call on, notes
/// each GetLogEvents page asked for, by log stream, so a test can see a log read page by page, and tells a test
/// of a call it waits for the moment that call is answered (what Slipway registered, before it is deleted).
/// </summary>
internal sealed class MotoRecorder : IAsyncDisposable
{
    // Headers of the hop between two parties, not of the call itself; Content-Type travels with the content.
    private static readonly string[] RequestHeadersNotPassedOn = ["Host", "Content-Length", "Connection", "Content-Type", "Expect", "Transfer-Encoding"];
    private static readonly string[] ResponseHeadersNotPassedBack = ["Content-Length", "Connection", "Transfer-Encoding"];

    private readonly Uri _moto;
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly LoopbackHttpEndpoint _server;
    private readonly ConcurrentQueue<string> _pagesAsked = new();
    private readonly List<(string Operation, Func<JsonNode, bool> Matches, TaskCompletionSource<(JsonNode Request, JsonNode Answer)> Seen)> _awaited = [];

    public MotoRecorder(Uri moto)
    {
        _moto = moto;
        _server = new LoopbackHttpEndpoint(ForwardAsync);
    }

    public Uri Url => _server.Url;

    /// <summary>How many GetLogEvents pages were asked for of this stream.</summary>
    public int PagesAsked(string logStream) => _pagesAsked.Count(stream => stream == logStream);

    /// <summary>
    /// The first successful call of <paramref name="operation"/> (the X-Amz-Target's last part) from now on whose
    /// request <paramref name="matches"/>: its request and moto's answer, as JSON.
    /// </summary>
    public Task<(JsonNode Request, JsonNode Answer)> NextCallAsync(string operation, Func<JsonNode, bool> matches)
    {
        var seen = new TaskCompletionSource<(JsonNode Request, JsonNode Answer)>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_awaited)
        {
            _awaited.Add((operation, matches, seen));
        }

        return seen.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _http.Dispose();
    }

    private async Task<LoopbackResponse> ForwardAsync(LoopbackRequest request)
    {
        if (request.Header("X-Amz-Target")?.EndsWith(".GetLogEvents", StringComparison.Ordinal) == true
            && JsonNode.Parse(request.Body)?["logStreamName"]?.GetValue<string>() is { } stream)
        {
            _pagesAsked.Enqueue(stream);
        }

        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(_moto, request.Target))
        {
            Content = new ByteArrayContent(request.Body),
        };
        if (request.Header("Content-Type") is { } contentType)
        {
            forwarded.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        foreach (var (name, value) in request.Headers.Where(header => !RequestHeadersNotPassedOn.Contains(header.Key, StringComparer.OrdinalIgnoreCase)))
        {
            forwarded.Headers.TryAddWithoutValidation(name, value);
        }

        using var answer = await _http.SendAsync(forwarded);
        var body = await answer.Content.ReadAsByteArrayAsync();
        if (answer.IsSuccessStatusCode)
        {
            Tell(request, body);
        }

        var headers = answer.Headers.Concat(answer.Content.Headers)
            .Where(header => !ResponseHeadersNotPassedBack.Contains(header.Key, StringComparer.OrdinalIgnoreCase))
            .SelectMany(header => header.Value.Select(value => new KeyValuePair<string, string>(header.Key, value)))
            .ToList();
        return new LoopbackResponse((int)answer.StatusCode, headers, body);
    }

    private void Tell(LoopbackRequest request, byte[] answer)
    {
        var operation = request.Header("X-Amz-Target")?.Split('.')[^1];
        lock (_awaited)
        {
            foreach (var awaited in _awaited.Where(awaited => awaited.Operation == operation && !awaited.Seen.Task.IsCompleted).ToList())
            {
                if (JsonNode.Parse(request.Body) is { } asked && awaited.Matches(asked))
                {
                    awaited.Seen.TrySetResult((asked, JsonNode.Parse(answer)!));
                }
            }
        }
    }
}
