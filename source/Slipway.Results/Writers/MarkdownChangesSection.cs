using System.Globalization;

namespace Slipway.Results.Writers;

/// <summary>
/// The parts of the Markdown report a reviewer reads first: what this change introduced (new failing tests and new
/// findings, the old ones only counted), flaky tests with their history, and what the run cost.
/// </summary>
internal static class MarkdownChangesSection
{
    /// <summary>How many new failing tests and new findings the section lists.</summary>
    public const int MaxListed = 30;

    public static void WriteNew(RunReport report, TextWriter output)
    {
        var changes = report.Changes;
        // A run that names no base branch (a local build, a deploy) has nothing to be new against.
        if (changes.Baseline.Branch is null || (report.Failures.Count == 0 && report.Findings.Count == 0))
        {
            return;
        }

        output.WriteLine("### New in this change");
        output.WriteLine();
        output.WriteLine(MarkdownText.Cell(changes.Describe(), 1000));
        output.WriteLine();
        var tests = report.Failures.Where(changes.IsNew).ToList();
        foreach (var test in tests.Take(MaxListed))
        {
            output.WriteLine($"- new failing test {MarkdownText.Code(report.NameOf(test))} at {MarkdownText.Code(test.Location ?? "(no location)")}: {MarkdownText.Cell(test.Message)}");
        }

        var findings = report.Findings.Where(changes.IsNew).ToList();
        foreach (var finding in findings.Take(MaxListed))
        {
            output.WriteLine($"- new {ReportText.Severity(finding.Severity)} {MarkdownText.Code(finding.Rule.Length == 0 ? finding.Tool : finding.Rule)} ({MarkdownText.Cell(finding.Tool)}) at {MarkdownText.Code(finding.Location)}: {MarkdownText.Cell(finding.Message)}");
        }

        var more = Math.Max(0, tests.Count - MaxListed) + Math.Max(0, findings.Count - MaxListed);
        if (more > 0)
        {
            output.WriteLine($"- ... and {more} more new (report.json marks each with \"new\")");
        }

        output.WriteLine();
    }

    public static void WriteFlaky(RunReport report, TextWriter output)
    {
        if (report.Facts.FlakyTests.Count == 0)
        {
            return;
        }

        output.WriteLine("### Flaky tests");
        output.WriteLine();
        output.WriteLine("These failed and passed on the same commit. History newest first: P passed, F failed, S skipped.");
        output.WriteLine();
        output.WriteLine("| Test | Failed | Passed | History |");
        output.WriteLine("| --- | ---: | ---: | --- |");
        foreach (var test in report.Facts.FlakyTests.Take(MaxListed))
        {
            output.WriteLine($"| {MarkdownText.Code(test.Name)} | {test.Failed} | {test.Passed} | {MarkdownText.Code(test.Pattern)} |");
        }

        output.WriteLine();
    }

    public static void WriteCosts(RunReport report, TextWriter output)
    {
        var facts = report.Facts;
        if (facts.Costs is null && facts.TimeToUrl is null)
        {
            return;
        }

        output.WriteLine("### Cost and time");
        output.WriteLine();
        if (facts.TimeToUrl is { } toUrl)
        {
            output.WriteLine($"- Trigger to playground answering: {ReportText.Seconds(toUrl)}");
        }

        if (facts.Costs is { } costs)
        {
            foreach (var stage in costs.Stages)
            {
                var price = stage.EstimatedUsd is { } usd ? $", about {Usd(usd)}" : "";
                output.WriteLine($"- {MarkdownText.Cell(stage.Stage)} on {MarkdownText.Cell(stage.Platform)}: {ReportText.Seconds(TimeSpan.FromSeconds(stage.TaskSeconds))} of task time{price}");
            }

            output.WriteLine($"- Playground serving so far: {ReportText.Seconds(TimeSpan.FromSeconds(costs.PlaygroundSeconds))}");
            output.WriteLine(costs.EstimatedUsd is { } total
                ? $"- Estimated: {Usd(total)} ({MarkdownText.Cell(costs.Pricing)})"
                : $"- {MarkdownText.Cell(costs.Pricing)}");
        }

        output.WriteLine();
    }

    private static string Usd(decimal amount) => "$" + amount.ToString("0.0000", CultureInfo.InvariantCulture);
}
