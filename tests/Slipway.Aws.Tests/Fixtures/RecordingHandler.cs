using System.Collections.Concurrent;
using Slipway.Aws.Runtime;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>Passes requests on to the real peer and records each AWS call in the order they were sent.</summary>
internal sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler { UseProxy = false })
{
    private readonly ConcurrentQueue<RecordedCall> calls = new();
    private long sequence;

    public IReadOnlyList<RecordedCall> Calls => calls.OrderBy(call => call.Sequence).ToList();

    /// <summary>How many calls each IAM action got, e.g. ecs:DescribeTasks → 4.</summary>
    public IReadOnlyDictionary<string, int> CountByAction() =>
        Calls.GroupBy(call => call.Action).ToDictionary(group => group.Key, group => group.Count());

    public void Clear() => calls.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var action = request.Options.TryGetValue(AwsRequestOptions.Operation, out var operation) ? operation.Action : "unknown";
        var number = Interlocked.Increment(ref sequence);
        var response = await base.SendAsync(request, cancellationToken);
        var body = response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
        var copy = new StringContent(body);
        foreach (var header in response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
        {
            copy.Headers.Remove(header.Key);
            copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = copy;
        calls.Enqueue(new RecordedCall(number, action, request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken), body));
        return response;
    }
}

/// <summary>One AWS call: its order, its IAM action, and what went each way.</summary>
internal sealed record RecordedCall(long Sequence, string Action, string RequestBody, string ResponseBody);
