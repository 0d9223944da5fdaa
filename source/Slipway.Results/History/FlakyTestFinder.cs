namespace Slipway.Results.History;

/// <summary>
/// Tells flaky tests from the outcomes kept per run: a test is flaky when, on one commit, it both failed (or broke)
/// and passed. Skipped runs of a test say nothing either way.
/// </summary>
public static class FlakyTestFinder
{
    /// <summary>How many of a test's latest outcomes its history shows.</summary>
    public const int HistoryShown = 10;

    /// <summary>The flaky tests among <paramref name="history"/> (outcomes per test name), flakiest first.</summary>
    public static IReadOnlyList<FlakyTest> Find(IReadOnlyDictionary<string, IReadOnlyList<TestHistoryEntry>> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history
            .Where(test => IsFlaky(test.Value))
            .Select(test => new FlakyTest(
                test.Key,
                test.Value.Count(entry => Failed(entry.Outcome)),
                test.Value.Count(entry => Passed(entry.Outcome)),
                test.Value.OrderByDescending(entry => entry.At).Take(HistoryShown).ToList()))
            .OrderByDescending(test => Math.Min(test.Failed, test.Passed))
            .ThenByDescending(test => test.Failed)
            .ThenBy(test => test.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsFlaky(IReadOnlyList<TestHistoryEntry> outcomes) =>
        outcomes
            .Where(entry => entry.Commit is not null)
            .GroupBy(entry => entry.Commit)
            .Any(commit => commit.Any(entry => Failed(entry.Outcome)) && commit.Any(entry => Passed(entry.Outcome)));

    private static bool Failed(TestOutcome outcome) => outcome is TestOutcome.Failed or TestOutcome.Error;

    private static bool Passed(TestOutcome outcome) => outcome is TestOutcome.Passed or TestOutcome.Warning;
}
