namespace Slipway.Results;

/// <summary>How many findings one tool made of one severity.</summary>
public sealed record FindingCount(string Tool, FindingSeverity Severity, int Count);
