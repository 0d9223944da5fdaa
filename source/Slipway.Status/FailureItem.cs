namespace Slipway.Status;

/// <summary>A failing test or an analysis finding.</summary>
/// <param name="Title">The test's name or the finding's rule.</param>
/// <param name="Location">Where it is, as <c>file:line</c>, when known.</param>
/// <param name="Message">The assertion message or the finding's text.</param>
public sealed record FailureItem(string Title, string? Location, string? Message)
{
    /// <summary>The file, relative to the repository root, when known: where a check annotation goes.</summary>
    public string? File { get; init; }

    /// <summary>The line in <see cref="File"/>, when known.</summary>
    public int? Line { get; init; }

    /// <summary>False when the base branch's latest run had it too; true when new or nothing was compared.</summary>
    public bool IsNew { get; init; } = true;

    /// <summary>True when it is on a line the pull request added or changed: such annotations are posted first.</summary>
    public bool InDiff { get; init; }

    /// <summary>How much it matters: <c>failure</c> for failing tests and error findings, else <c>warning</c> or <c>notice</c>.</summary>
    public string Level { get; init; } = "failure";

    /// <summary>The screenshot of the failing browser step, where people can open it; null when there is none or no address for it.</summary>
    public ScreenshotLink? Screenshot { get; init; }
}
