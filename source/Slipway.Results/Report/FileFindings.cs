namespace Slipway.Results;

/// <summary>The findings of one file, in line order.</summary>
public sealed record FileFindings(string File, IReadOnlyList<Finding> Findings)
{
    /// <summary>The most severe of its findings.</summary>
    public FindingSeverity Severity => Findings.Min(finding => finding.Severity);
}
