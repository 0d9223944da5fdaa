using System.Collections.Concurrent;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// A one-page HTTP site on 127.0.0.1 standing in for the playground (moto's task addresses exist nowhere),
/// answering any Host header, which it remembers.
/// </summary>
internal sealed class LoopbackSite : IAsyncDisposable
{
    private readonly LoopbackHttpEndpoint server;

    public LoopbackSite(string page) => server = new LoopbackHttpEndpoint(request =>
    {
        HostsAsked.Enqueue(request.Header("Host") ?? "");
        return LoopbackResponse.Text(200, page, "text/plain");
    });

    public Uri Url => server.Url;

    public ConcurrentQueue<string> HostsAsked { get; } = new();

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
