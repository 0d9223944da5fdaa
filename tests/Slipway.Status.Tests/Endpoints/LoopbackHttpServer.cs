using Slipway.TestSupport;

namespace Slipway.Status.Tests.Endpoints;

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that records every request and answers with a handler;
/// answers queued with <see cref="AnswerNext"/> go first, to script outages and rate limits.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly Func<RecordedRequest, HttpAnswer> handle;
    private readonly List<RecordedRequest> requests = [];
    private readonly Queue<(Func<RecordedRequest, bool> Matches, HttpAnswer Answer)> scripted = new();
    private readonly Lock gate = new();
    private readonly LoopbackHttpEndpoint server;

    public LoopbackHttpServer(Func<RecordedRequest, HttpAnswer> handle)
    {
        this.handle = handle;
        server = new LoopbackHttpEndpoint(Serve);
    }

    public Uri BaseUrl => server.Url;

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
    public static Uri ClosedPortUrl() => new($"http://127.0.0.1:{LoopbackPort.Free()}/");

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private LoopbackResponse Serve(LoopbackRequest received)
    {
        var request = new RecordedRequest(received.Method, received.Path, received.Headers, received.Text, DateTimeOffset.UtcNow);
        HttpAnswer? answer;
        lock (gate)
        {
            requests.Add(request);
            answer = scripted.Count > 0 && scripted.Peek().Matches(request) ? scripted.Dequeue().Answer : null;
        }

        answer ??= handle(request);
        return LoopbackResponse.Text(answer.Status, answer.Body, answer.ContentType, answer.Headers);
    }
}
