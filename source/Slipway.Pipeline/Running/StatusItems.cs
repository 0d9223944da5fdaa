using System.Globalization;
using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// The report's failing tests and findings as the status reporters show them: new ones first, each with its file and
/// line for check annotations; the old ones after, counted.
/// </summary>
internal static class StatusItems
{
    /// <summary>The failing tests, each with the link of its screenshot among <paramref name="screenshots"/> when it has one.</summary>
    public static List<FailureItem> Tests(RunReport report, int limit, IReadOnlyList<ScreenshotLink> screenshots) =>
        report.Failures
            .OrderBy(test => report.Changes.IsNew(test) ? 0 : 1)
            .Take(limit)
            .Select(test => new FailureItem(report.NameOf(test), test.Location, test.Message)
            {
                File = test.FailureFile ?? test.File,
                Line = test.FailureFile is not null ? test.FailureLine : test.Line,
                IsNew = report.Changes.IsNew(test),
                InDiff = report.Facts.Diff.Contains(test.FailureFile ?? test.File, test.FailureFile is not null ? test.FailureLine : test.Line),
                Level = test.Outcome == TestOutcome.Warning ? "warning" : "failure",
                Screenshot = FailureScreenshots.Of(test, report.Attachments) is { } shot
                    ? screenshots.FirstOrDefault(link => link.Name == shot.Name)
                    : null,
            })
            .ToList();

    public static List<FailureItem> Findings(RunReport report, int limit) =>
        report.Findings
            .OrderBy(finding => report.Changes.IsNew(finding) ? 0 : 1)
            .Take(limit)
            .Select(finding => new FailureItem($"{finding.Tool}: {finding.Rule}", finding.Location, finding.Message)
            {
                File = finding.File,
                Line = finding.Line,
                IsNew = report.Changes.IsNew(finding),
                InDiff = report.Facts.Diff.Contains(finding.File, finding.Line),
                Level = finding.Severity switch
                {
                    FindingSeverity.Error => "failure",
                    FindingSeverity.Warning => "warning",
                    _ => "notice",
                },
            })
            .ToList();

    public static ChangeCounts Counts(RunChanges changes) => new(
        changes.Describe(), changes.Baseline.Found, changes.NewFailures, changes.OldFailures, changes.NewFindings, changes.OldFindings);

    public static string? Costs(RunFacts facts)
    {
        var parts = new List<string>();
        if (facts.Costs is { } costs)
        {
            var price = costs.EstimatedUsd is { } usd ? $", about ${usd.ToString("0.0000", CultureInfo.InvariantCulture)}" : " (machine time)";
            parts.Add($"task time {Duration(costs.TaskSeconds)}{price}");
        }

        if (facts.TimeToUrl is { } toUrl)
        {
            parts.Add($"playground up {Duration(toUrl.TotalSeconds)} after the trigger");
        }

        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    private static string Duration(double seconds) => seconds >= 60
        ? $"{(int)(seconds / 60)} m {(int)(seconds % 60)} s"
        : $"{seconds.ToString("0", CultureInfo.InvariantCulture)} s";
}
