using System.Collections.Concurrent;
using System.Text;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// The playground's probe target: moto's task addresses (10.x) exist nowhere, so Slipway probes this
/// loopback server instead (AwsPlaygroundProbeUrl), which answers 200 and remembers the Host it was asked for.
/// </summary>
internal sealed class PlaygroundStandIn : IAsyncDisposable
{
    private readonly LoopbackHttpEndpoint _server;

    public PlaygroundStandIn() => _server = new LoopbackHttpEndpoint(request =>
    {
        HostsAsked.Enqueue(request.Header("Host") ?? "");
        return Task.FromResult(new LoopbackResponse(200, [new("Content-Type", "text/plain")], Encoding.UTF8.GetBytes("playground stand-in")));
    });

    public Uri Url => _server.Url;

    public ConcurrentQueue<string> HostsAsked { get; } = new();

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
