using Slipway.Results.Writers;

namespace Slipway.Results.Changes;

/// <summary>
/// Which of a run's findings and failing tests are new against a <see cref="Baseline"/>. A finding is new when its
/// fingerprint occurs more often than in the base run (the later ones in the file count as new); a failing test is
/// new when it did not fail in the base run. Without a base run everything is new.
/// </summary>
public sealed class RunChanges
{
    private readonly HashSet<object> _new;

    private RunChanges(Baseline baseline, HashSet<object> newItems, int findings, int failures, int newFindings, int newFailures)
    {
        Baseline = baseline;
        _new = newItems;
        NewFindings = newFindings;
        OldFindings = findings - newFindings;
        NewFailures = newFailures;
        OldFailures = failures - newFailures;
    }

    /// <summary>What the run was compared with.</summary>
    public Baseline Baseline { get; }

    /// <summary>Findings the base run did not have.</summary>
    public int NewFindings { get; }

    /// <summary>Findings the base run had too.</summary>
    public int OldFindings { get; }

    /// <summary>Failing tests that did not fail in the base run.</summary>
    public int NewFailures { get; }

    /// <summary>Failing tests that failed in the base run too.</summary>
    public int OldFailures { get; }

    /// <summary>True when the base run did not have <paramref name="finding"/>.</summary>
    public bool IsNew(Finding finding) => _new.Contains(finding);

    /// <summary>True when <paramref name="test"/> fails and did not fail in the base run.</summary>
    public bool IsNew(TestCaseResult test) => _new.Contains(test);

    /// <summary>
    /// "Compared with develop (run 20261205-...): 1 new finding, 40 already there; 1 new failing test, 0 already
    /// failing." or, without a base run, why everything counts as new.
    /// </summary>
    public string Describe()
    {
        var counts = $"{ReportText.Plural(NewFindings, "new finding", "new findings")}, {OldFindings} already there; " +
            $"{ReportText.Plural(NewFailures, "new failing test", "new failing tests")}, {OldFailures} already failing";
        return Baseline switch
        {
            { Branch: null } => "No base branch was named, so every finding and failing test counts as new.",
            { Found: false } => $"{Baseline.Branch} has no completed run to compare with, so every finding and failing test counts as new.",
            _ => $"Compared with {Baseline.Branch} (run {Baseline.RunId}): {counts}.",
        };
    }

    /// <summary>Marks what in <paramref name="report"/> is not in <paramref name="baseline"/>.</summary>
    public static RunChanges Compare(RunReport report, Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(baseline);
        var newItems = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var newFindings = 0;
        foreach (var group in report.Findings.GroupBy(FindingFingerprint.Of))
        {
            var known = baseline.Findings.GetValueOrDefault(group.Key);
            foreach (var finding in group.OrderBy(finding => finding.Line ?? 0).Skip(known))
            {
                newItems.Add(finding);
                newFindings++;
            }
        }

        var newFailures = 0;
        foreach (var test in report.Failures.Where(test => !baseline.FailingTests.Contains(FindingFingerprint.Of(test))))
        {
            newItems.Add(test);
            newFailures++;
        }

        return new RunChanges(baseline, newItems, report.Findings.Count, report.Failures.Count, newFindings, newFailures);
    }
}
