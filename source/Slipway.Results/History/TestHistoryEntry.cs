namespace Slipway.Results.History;

/// <summary>How one test ended in one earlier run.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Commit">The commit it ran on, when known.</param>
/// <param name="Outcome">How the test ended.</param>
/// <param name="At">When the run's results were kept.</param>
public sealed record TestHistoryEntry(string RunId, string? Commit, TestOutcome Outcome, DateTimeOffset At);
