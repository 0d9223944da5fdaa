using Slipway.Results.Changes;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// The analysis verdict of a pull request, once its findings are compared with the base branch: red as well when
/// it adds more new findings than <c>analysis.max_new_findings</c> allows. Old findings never make it red here.
/// </summary>
public static class NewFindingsVerdict
{
    /// <summary><paramref name="verdict"/>, its summary saying how many findings are new, red when over <paramref name="limit"/>.</summary>
    public static StageVerdict Apply(StageVerdict verdict, RunChanges changes, int? limit)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        ArgumentNullException.ThrowIfNull(changes);
        var summary = changes.Baseline.Found
            ? $"{verdict.Summary} ({changes.NewFindings} new against {changes.Baseline.Branch})"
            : verdict.Summary;
        if (limit is not { } allowed || changes.NewFindings <= allowed)
        {
            return verdict with { Summary = summary };
        }

        var what = changes.NewFindings == 1 ? "1 new finding" : $"{changes.NewFindings} new findings";
        return new StageVerdict(false, $"{what}, more than the {allowed} allowed; {summary}");
    }
}
