namespace Slipway.Status.Summary;

/// <summary>How a run as a whole stands, derived from its stages.</summary>
internal enum RunOutcome
{
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Superseded,
}
