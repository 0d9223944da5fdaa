namespace Slipway.Status;

/// <summary>How many analysis findings a run has, by severity.</summary>
public sealed record FindingTotals(int Errors, int Warnings, int Notices)
{
    /// <summary>All findings together.</summary>
    public int Total => Errors + Warnings + Notices;
}
