namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>The answer a <see cref="LoopbackHttpServer"/> handler gives.</summary>
internal sealed record LoopbackResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);
