namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>A request the <see cref="LoopbackHttpServer"/> received; header names compare case-insensitively.</summary>
internal sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
