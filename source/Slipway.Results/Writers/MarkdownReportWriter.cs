namespace Slipway.Results.Writers;

/// <summary>
/// Writes the report as GitHub-flavoured Markdown: totals as tables, failed tests and findings as
/// tables (long lists cut with a count of the rest), slow tests, findings and raw output of broken
/// reports folded in <c>&lt;details&gt;</c>. See <see cref="GitHubStepSummary"/> to add it to a
/// GitHub Actions job summary.
/// </summary>
/// <param name="maxFailures">How many failed tests to list.</param>
/// <param name="maxFindings">How many findings to list.</param>
public sealed class MarkdownReportWriter(int maxFailures = 50, int maxFindings = 200) : IRunReportWriter
{
    /// <summary>The heading the summary starts with.</summary>
    public const string Title = "## Test and analysis results";

    /// <inheritdoc />
    public void Write(RunReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Title);
        output.WriteLine();
        output.WriteLine(Verdict(report));
        output.WriteLine();
        if (report.Problems.Count > 0)
        {
            WriteProblems(report, output);
        }

        if (report.Tests.Total > 0)
        {
            WriteTests(report, output);
        }

        if (report.Findings.Count > 0)
        {
            WriteFindings(report, output);
        }

        if (report.Metrics.Count > 0)
        {
            output.WriteLine("### Code size");
            output.WriteLine();
            foreach (var metrics in report.Metrics)
            {
                output.WriteLine($"- {metrics.Tool}: {ReportText.Metrics(metrics)}");
            }

            output.WriteLine();
        }
    }

    private static string Verdict(RunReport report)
    {
        var findings = report.Findings.Count == 0 ? "no findings" : ReportText.Plural(report.Findings.Count, "finding", "findings");
        var tests = $"{ReportText.Plural(report.Tests.Total, "test", "tests")}, {report.Tests.Failed + report.Tests.Errors} failing";
        if (report.HasInfrastructureFailure)
        {
            return $"**Infrastructure failure**: {ReportText.Plural(report.Problems.Count, "problem kept", "problems kept")} results from being read ({tests}, {findings}).";
        }

        return report.HasTestFailures ? $"**Tests failed**: {tests}, {findings}." : $"**Tests passed**: {tests}, {findings}.";
    }

    private static void WriteProblems(RunReport report, TextWriter output)
    {
        output.WriteLine("### Problems");
        output.WriteLine();
        foreach (var problem in report.Problems)
        {
            output.WriteLine($"- **{MarkdownText.Cell(ReportText.ProblemSource(problem))}**: {MarkdownText.Cell(problem.Message, 1000)}");
            if (problem.RawLines.Count == 0)
            {
                continue;
            }

            var fence = MarkdownText.Fence(problem.RawLines);
            output.WriteLine();
            output.WriteLine($"  <details><summary>What the report held ({problem.RawLines.Count} lines)</summary>");
            output.WriteLine();
            output.WriteLine($"  {fence}text");
            foreach (var line in problem.RawLines)
            {
                output.WriteLine($"  {ReportText.OneLine(line)}");
            }

            output.WriteLine($"  {fence}");
            output.WriteLine();
            output.WriteLine("  </details>");
        }

        output.WriteLine();
    }

    private void WriteTests(RunReport report, TextWriter output)
    {
        var totals = report.Tests;
        output.WriteLine("### Tests");
        output.WriteLine();
        output.WriteLine("| Tests | Passed | Failed | Errors | Skipped | Warnings | Time |");
        output.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        output.WriteLine($"| {totals.Total} | {totals.Passed} | {totals.Failed} | {totals.Errors} | {totals.Skipped} | {totals.Warnings} | {ReportText.Seconds(totals.Time)} |");
        output.WriteLine();
        if (report.Failures.Count > 0)
        {
            output.WriteLine("| Outcome | Test | Location | Message |");
            output.WriteLine("| --- | --- | --- | --- |");
            foreach (var test in report.Failures.Take(maxFailures))
            {
                output.WriteLine($"| {ReportText.Outcome(test.Outcome)} | {MarkdownText.Code(test.FullName)} | {MarkdownText.Code(test.Location)} | {MarkdownText.Cell(test.Message)} |");
            }

            More(output, report.Failures.Count - maxFailures, "failed test", "failed tests");
            output.WriteLine();
        }

        if (report.SlowestTests.Count > 0)
        {
            output.WriteLine($"<details><summary>The {ReportText.Plural(report.SlowestTests.Count, "slowest test", "slowest tests")}</summary>");
            output.WriteLine();
            output.WriteLine("| Time | Test |");
            output.WriteLine("| ---: | --- |");
            foreach (var test in report.SlowestTests)
            {
                output.WriteLine($"| {ReportText.Seconds(test.Time)} | {MarkdownText.Code(test.FullName)} |");
            }

            output.WriteLine();
            output.WriteLine("</details>");
            output.WriteLine();
        }
    }

    private void WriteFindings(RunReport report, TextWriter output)
    {
        output.WriteLine("### Findings");
        output.WriteLine();
        output.WriteLine("| Tool | Errors | Warnings | Notices |");
        output.WriteLine("| --- | ---: | ---: | ---: |");
        foreach (var tool in report.FindingCounts.GroupBy(count => count.Tool))
        {
            int Of(FindingSeverity severity) => tool.Where(count => count.Severity == severity).Sum(count => count.Count);
            output.WriteLine($"| {MarkdownText.Cell(tool.Key)} | {Of(FindingSeverity.Error)} | {Of(FindingSeverity.Warning)} | {Of(FindingSeverity.Notice)} |");
        }

        output.WriteLine();
        output.WriteLine($"<details><summary>{ReportText.Plural(report.Findings.Count, "finding", "findings")}</summary>");
        output.WriteLine();
        output.WriteLine("| Severity | Location | Tool | Rule | Message |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var finding in report.Findings.Take(maxFindings))
        {
            output.WriteLine($"| {ReportText.Severity(finding.Severity)} | {MarkdownText.Code(finding.Location)} | {MarkdownText.Cell(finding.Tool)} | {MarkdownText.Cell(finding.Rule)} | {MarkdownText.Cell(finding.Message)} |");
        }

        More(output, report.Findings.Count - maxFindings, "finding", "findings");
        output.WriteLine();
        output.WriteLine("</details>");
        output.WriteLine();
    }

    private static void More(TextWriter output, int more, string singular, string plural)
    {
        if (more > 0)
        {
            output.WriteLine();
            output.WriteLine($"... and {more} more {(more == 1 ? singular : plural)}.");
        }
    }
}
