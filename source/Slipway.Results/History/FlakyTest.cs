namespace Slipway.Results.History;

/// <summary>
/// A test that failed and passed on the same commit, or flipped between runs of the same commit. It is marked in
/// the report with its recent history; whether it turns the run red is still decided by how it ended this time.
/// </summary>
/// <param name="Name">The test's full name (<c>Class::method</c>).</param>
/// <param name="Failed">How many of the kept runs it failed or broke in.</param>
/// <param name="Passed">How many of the kept runs it passed in.</param>
/// <param name="History">Its recent outcomes, newest first.</param>
public sealed record FlakyTest(string Name, int Failed, int Passed, IReadOnlyList<TestHistoryEntry> History)
{
    /// <summary>"PPFPF" for the history, newest first: P passed, F failed or broke, S skipped.</summary>
    public string Pattern => string.Concat(History.Select(entry => entry.Outcome switch
    {
        TestOutcome.Failed or TestOutcome.Error => 'F',
        TestOutcome.Skipped => 'S',
        _ => 'P',
    }));
}
