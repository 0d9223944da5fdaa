namespace Slipway.Results.Writers;

/// <summary>
/// Writes the report as GitHub-flavoured Markdown: the verdict, then findings counted per tool and per
/// rule, then tests (failed ones as a table), then findings grouped by file (each file and the whole list
/// cut with "+N more"); slow tests, findings and raw output of broken reports folded in
/// <c>&lt;details&gt;</c>. See <see cref="GitHubStepSummary"/> to add it to a
/// GitHub Actions job summary.
/// </summary>
/// <param name="maxFailures">How many failed tests to list.</param>
/// <param name="maxFindings">How many findings to list.</param>
public sealed class MarkdownReportWriter(int maxFailures = 50, int maxFindings = 200) : IRunReportWriter
{
    /// <summary>How many rules the summary lists.</summary>
    public const int MaxRules = 30;

    /// <summary>How many findings of one file are listed.</summary>
    public const int MaxPerFile = 10;

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
        MarkdownChangesSection.WriteNew(report, output);
        MarkdownChangesSection.WriteFlaky(report, output);
        if (report.Problems.Count > 0)
        {
            WriteProblems(report, output);
        }

        WriteList(output, "Notes", report.Notes.Select(note => $"**{MarkdownText.Cell(note.Task + (note.Tool is null ? "" : "/" + note.Tool))}**: {MarkdownText.Cell(note.Text, 500)}"));

        // The per-tool and per-rule summary comes before everything long: it is what a reviewer reads first.
        if (report.Findings.Count > 0)
        {
            WriteFindingSummary(report, output);
        }

        // One line per runner when there are several, each with its own counts or why it has none.
        if (report.Runners.Count > 1)
        {
            WriteList(output, "Test runners", report.Runners.Select(runner => $"**{MarkdownText.Cell(runner.Runner)}**: {MarkdownText.Cell(runner.Describe(), 500)}"));
        }

        if (report.Tests.Total > 0)
        {
            WriteTests(report, output);
        }

        // Links relative to the run's report folder, where the run wrote the files beside this report.
        WriteList(output, "Screenshots", report.Attachments.Select(attachment => $"[{MarkdownText.Cell(attachment.Name)}]({attachment.RelativePath})"));

        if (report.Findings.Count > 0)
        {
            WriteFindingsByFile(report, output);
        }

        WriteList(output, "Code size", report.Metrics.Select(metrics => $"{metrics.Tool}: {ReportText.Metrics(metrics)}"));
        MarkdownChangesSection.WriteCosts(report, output);
    }

    // A section of one bulleted line per item, left out when there are none.
    private static void WriteList(TextWriter output, string title, IEnumerable<string> items)
    {
        var lines = items.ToList();
        if (lines.Count == 0)
        {
            return;
        }

        output.WriteLine($"### {title}");
        output.WriteLine();
        foreach (var line in lines)
        {
            output.WriteLine($"- {line}");
        }

        output.WriteLine();
    }

    private static string Verdict(RunReport report)
    {
        var findings = report.Findings.Count == 0 ? "no findings" : ReportText.Plural(report.Findings.Count, "finding", "findings");
        var tests = $"{ReportText.Plural(report.Tests.Total, "test", "tests")}, {report.Tests.Failed + report.Tests.Errors} failing";
        if (report.HasInfrastructureFailure)
        {
            return $"**Infrastructure failure**: {ReportText.Plural(report.Problems.Count, "problem kept", "problems kept")} results from being read ({tests}, {findings}).";
        }

        if (report.NoTestsFound)
        {
            var reasons = string.Join("; ", report.Notes.Where(note => note.SaysNoTestsFound).Select(note => note.Text[TaskNote.NoTestsFound.Length..].TrimStart(':', ' ')));
            return $"**No tests found**: {MarkdownText.Cell(reasons, 500)} ({findings}).";
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
                output.WriteLine($"| {ReportText.Outcome(test.Outcome)} | {MarkdownText.Code(report.NameOf(test))} | {MarkdownText.Code(test.Location)} | {MarkdownText.Cell(test.Message)} |");
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
                output.WriteLine($"| {ReportText.Seconds(test.Time)} | {MarkdownText.Code(report.NameOf(test))} |");
            }

            output.WriteLine();
            output.WriteLine("</details>");
            output.WriteLine();
        }
    }

    private static void WriteFindingSummary(RunReport report, TextWriter output)
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
        output.WriteLine("| Rule | Tool | Severity | Findings | Files |");
        output.WriteLine("| --- | --- | --- | ---: | ---: |");
        foreach (var rule in report.RuleCounts.Take(MaxRules))
        {
            output.WriteLine($"| {MarkdownText.Code(rule.Rule)} | {MarkdownText.Cell(rule.Tool)} | {ReportText.Severity(rule.Severity)} | {rule.Count} | {rule.Files} |");
        }

        More(output, report.RuleCounts.Count - MaxRules, "rule", "rules");
        output.WriteLine();
    }

    /// <summary>Findings grouped by file, each file cut at <see cref="MaxPerFile"/>, the whole cut at maxFindings.</summary>
    private void WriteFindingsByFile(RunReport report, TextWriter output)
    {
        var files = report.FindingsByFile;
        output.WriteLine($"<details><summary>{ReportText.Plural(report.Findings.Count, "finding", "findings")} in {ReportText.Plural(files.Count, "file", "files")}</summary>");
        output.WriteLine();
        var shown = 0;
        var filesShown = 0;
        foreach (var file in files)
        {
            if (shown >= maxFindings)
            {
                break;
            }

            filesShown++;
            output.WriteLine($"**{MarkdownText.Code(file.File)}** ({file.Findings.Count})");
            output.WriteLine();
            var take = Math.Min(MaxPerFile, maxFindings - shown);
            foreach (var finding in file.Findings.Take(take))
            {
                var line = finding.Line is { } number ? $"line {number}" : "file";
                output.WriteLine($"- {line}: {ReportText.Severity(finding.Severity)} {MarkdownText.Code(finding.Rule.Length == 0 ? finding.Tool : finding.Rule)} ({MarkdownText.Cell(finding.Tool)}): {MarkdownText.Cell(finding.Message)}");
            }

            shown += Math.Min(take, file.Findings.Count);
            if (file.Findings.Count > take)
            {
                output.WriteLine($"- +{file.Findings.Count - take} more in this file");
            }

            output.WriteLine();
        }

        if (filesShown < files.Count)
        {
            var rest = files.Skip(filesShown).Sum(file => file.Findings.Count);
            output.WriteLine($"+{rest} more {(rest == 1 ? "finding" : "findings")} in {ReportText.Plural(files.Count - filesShown, "more file", "more files")} (report.json has the counts per rule).");
            output.WriteLine();
        }

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
