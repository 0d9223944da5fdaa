namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>What the task of a family prints, as its container (tests, analysis) writes it to CloudWatch.</summary>
internal sealed record TaskScript(string Family, string Container, IReadOnlyList<string> Lines);
