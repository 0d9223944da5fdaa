namespace Slipway.Status;

/// <summary>How many tests passed, failed, broke and were skipped in a run.</summary>
public sealed record TestTotals(int Passed, int Failed, int Errors, int Skipped);
