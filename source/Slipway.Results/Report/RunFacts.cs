using Slipway.Results.History;

namespace Slipway.Results;

/// <summary>What the report says about the run beyond its tasks' results: flaky tests, costs, time to the playground.</summary>
/// <param name="FlakyTests">Tests of this run whose kept history shows them flaky, flakiest first.</param>
/// <param name="Costs">What the run used; null when not measured.</param>
/// <param name="TimeToUrl">From the trigger (webhook received, command started) to the playground answering; null without a playground.</param>
public sealed record RunFacts(IReadOnlyList<FlakyTest> FlakyTests, RunCosts? Costs, TimeSpan? TimeToUrl)
{
    /// <summary>The lines the change added, for putting what is on them first; none known by default.</summary>
    public Changes.ChangedLines Diff { get; init; } = Changes.ChangedLines.None;

    /// <summary>Nothing beyond the results.</summary>
    public static RunFacts None { get; } = new([], null, null);
}
