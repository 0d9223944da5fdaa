namespace Slipway.Results.Changes;

/// <summary>
/// What the base branch's latest completed run found, kept as fingerprints: how often each finding occurred and
/// which tests failed. A run's findings and failing tests are new when they are not in it.
/// </summary>
/// <param name="Branch">The base branch, e.g. <c>develop</c>; null when the run named none.</param>
/// <param name="RunId">The base run compared with; null when the branch has no completed run.</param>
/// <param name="Commit">The base run's commit, when known.</param>
/// <param name="Findings">Each finding fingerprint with how many findings carried it.</param>
/// <param name="FailingTests">The fingerprints of the tests that failed or broke.</param>
public sealed record Baseline(
    string? Branch,
    string? RunId,
    string? Commit,
    IReadOnlyDictionary<string, int> Findings,
    IReadOnlySet<string> FailingTests)
{
    /// <summary>True when there was a base run to compare with.</summary>
    public bool Found => RunId is not null;

    /// <summary>No base run: everything counts as new.</summary>
    public static Baseline Missing(string? branch) => new(branch, null, null, new Dictionary<string, int>(), new HashSet<string>());

    /// <summary>The baseline a run's own report would leave for the runs that compare with it.</summary>
    public static Baseline Of(RunReport report, string? branch, string? runId, string? commit)
    {
        ArgumentNullException.ThrowIfNull(report);
        var findings = report.Findings
            .GroupBy(FindingFingerprint.Of)
            .ToDictionary(group => group.Key, group => group.Count());
        var failing = report.Failures
            .Where(test => test.Outcome is TestOutcome.Failed or TestOutcome.Error)
            .Select(FindingFingerprint.Of)
            .ToHashSet();
        return new Baseline(branch, runId, commit, findings, failing);
    }
}
