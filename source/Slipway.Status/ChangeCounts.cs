namespace Slipway.Status;

/// <summary>How a pull request's failing tests and findings compare with the base branch's latest completed run.</summary>
/// <param name="Summary">One sentence: what was compared with, or why everything counts as new.</param>
/// <param name="BaseFound">False when there was no base run: everything counts as new.</param>
public sealed record ChangeCounts(string Summary, bool BaseFound, int NewFailures, int OldFailures, int NewFindings, int OldFindings);
