using Slipway.Results.Changes;

namespace Slipway.Results;

public sealed partial class RunReport
{
    private RunChanges? _changes;

    /// <summary>Which findings and failing tests are new; without a comparison, all of them.</summary>
    public RunChanges Changes => _changes ??= RunChanges.Compare(this, Baseline.Missing(null));

    /// <summary>Flaky tests, costs and time to the playground, when the pipeline gave them.</summary>
    public RunFacts Facts { get; private init; } = RunFacts.None;

    /// <summary>The same results compared with <paramref name="baseline"/> and carrying <paramref name="facts"/>.</summary>
    public RunReport With(Baseline baseline, RunFacts facts)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var report = new RunReport(Tasks) { Facts = facts ?? RunFacts.None };
        report._changes = RunChanges.Compare(report, baseline);
        return report;
    }
}
