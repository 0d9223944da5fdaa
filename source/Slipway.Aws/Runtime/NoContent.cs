namespace Slipway.Aws.Runtime;

/// <summary>The answer of an operation whose result Slipway does not read.</summary>
internal sealed record NoContent;
