using Slipway.Results.Changes;

namespace Slipway.Results.Writers.Json;

/// <summary>What the JSON report says about the comparison with the base branch.</summary>
internal sealed record JsonChanges(
    string? BaseBranch, string? BaseRunId, bool BaseFound, int NewFindings, int OldFindings, int NewFailures, int OldFailures, string Summary)
{
    public static JsonChanges From(RunChanges changes) => new(
        changes.Baseline.Branch,
        changes.Baseline.RunId,
        changes.Baseline.Found,
        changes.NewFindings,
        changes.OldFindings,
        changes.NewFailures,
        changes.OldFailures,
        changes.Describe());
}
