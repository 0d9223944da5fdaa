namespace Slipway.Results.Writers;

/// <summary>
/// Writes the report as plain text for CI logs: no colours or control characters, no line longer than
/// <see cref="Width"/> columns, long lists cut with a count of what was left out.
/// </summary>
/// <param name="maxFailures">How many failed tests to list.</param>
/// <param name="maxFindings">How many findings to list.</param>
/// <param name="maxRawLines">How many raw lines (the last ones) to show under a problem.</param>
public sealed class ConsoleReportWriter(int maxFailures = 50, int maxFindings = 100, int maxRawLines = 20) : IRunReportWriter
{
    /// <summary>How many rules the per-rule summary lists.</summary>
    public const int MaxRules = 15;

    /// <summary>How many findings of one file are listed.</summary>
    public const int MaxPerFile = 5;

    /// <summary>The widest line the writer produces.</summary>
    public const int Width = 100;

    /// <inheritdoc />
    public void Write(RunReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var lines = new LineSink(output);
        if (report.Problems.Count > 0)
        {
            WriteProblems(report, lines);
        }

        if (report.Notes.Count > 0)
        {
            lines.Heading(report.NoTestsFound ? "Notes: no tests found" : "Notes");
            foreach (var note in report.Notes)
            {
                lines.Wrapped("  ", $"{note.Task}/{note}", maxLines: 4);
            }
        }

        if (report.Tests.Total > 0 || report.Tasks.Any(task => task.Tools.Any(tool => tool.Format == "junit")))
        {
            WriteTests(report, lines);
        }

        if (report.Findings.Count > 0 || report.Tasks.Any(task => task.Tools.Any(tool => tool.Format is "checkstyle" or "pmd" or "pmd-cpd")))
        {
            WriteFindings(report, lines);
        }

        foreach (var metrics in report.Metrics)
        {
            lines.Heading("Code size");
            lines.Line($"  {metrics.Tool}: {ReportText.Metrics(metrics)}");
        }

        if (report.Tasks.Count == 0)
        {
            lines.Line("No results.");
        }
    }

    private void WriteProblems(RunReport report, LineSink lines)
    {
        lines.Heading($"Problems: {ReportText.Plural(report.Problems.Count, "infrastructure failure", "infrastructure failures")}");
        foreach (var problem in report.Problems)
        {
            lines.Line($"  {ReportText.ProblemSource(problem)}:");
            lines.Wrapped("    ", problem.Message, maxLines: 5);
            var raw = problem.RawLines;
            if (raw.Count == 0)
            {
                continue;
            }

            var shown = raw.Skip(Math.Max(0, raw.Count - maxRawLines)).ToList();
            lines.Line(shown.Count < raw.Count ? $"    last {shown.Count} lines of the report:" : "    the report:");
            foreach (var line in shown)
            {
                lines.Line($"    | {line}");
            }
        }
    }

    private void WriteTests(RunReport report, LineSink lines)
    {
        var totals = report.Tests;
        lines.Heading("Tests");
        lines.Line($"  {ReportText.Plural(totals.Total, "test", "tests")}: {totals.Passed} passed, {totals.Failed} failed, "
            + $"{ReportText.Plural(totals.Errors, "error", "errors")}, {totals.Skipped} skipped, "
            + $"{ReportText.Plural(totals.Warnings, "warning", "warnings")} ({ReportText.Seconds(totals.Time)})");
        if (report.Runners.Count > 1)
        {
            foreach (var runner in report.Runners)
            {
                lines.Line($"    {runner.Runner}: {ReportText.OneLine(runner.Describe())}");
            }
        }

        foreach (var test in report.Failures.Take(maxFailures))
        {
            lines.Line(string.Empty);
            lines.Line($"  {ReportText.Outcome(test.Outcome).ToUpperInvariant(),-8}{report.NameOf(test)}");
            if (test.Location is { } location)
            {
                lines.Line($"          at {location}");
            }

            if (test.Message is { } message)
            {
                lines.Wrapped("          ", message, maxLines: 3);
            }
        }

        More(lines, report.Failures.Count - maxFailures, "failed test", "failed tests");
        if (report.SlowestTests.Count > 0)
        {
            lines.Line(string.Empty);
            lines.Line("  Slowest tests");
            foreach (var test in report.SlowestTests)
            {
                lines.Line($"  {ReportText.Seconds(test.Time),10}  {report.NameOf(test)}");
            }
        }
    }

    private void WriteFindings(RunReport report, LineSink lines)
    {
        lines.Heading($"Findings: {report.CountFindings(FindingSeverity.Error)} errors, "
            + $"{report.CountFindings(FindingSeverity.Warning)} warnings, {report.CountFindings(FindingSeverity.Notice)} notices");
        if (report.FindingCounts.Count > 0)
        {
            lines.Line($"  {"tool",-12}{"errors",8}{"warnings",10}{"notices",9}");
            foreach (var tool in report.FindingCounts.GroupBy(count => count.Tool))
            {
                int Of(FindingSeverity severity) => tool.Where(count => count.Severity == severity).Sum(count => count.Count);
                lines.Line($"  {tool.Key,-12}{Of(FindingSeverity.Error),8}{Of(FindingSeverity.Warning),10}{Of(FindingSeverity.Notice),9}");
            }
        }

        if (report.RuleCounts.Count > 0)
        {
            lines.Line(string.Empty);
            lines.Line($"  {"findings",8}  {"files",5}  rule");
            foreach (var rule in report.RuleCounts.Take(MaxRules))
            {
                lines.Line($"  {rule.Count,8}  {rule.Files,5}  {rule.Rule} ({rule.Tool}, {ReportText.Severity(rule.Severity)})");
            }

            More(lines, report.RuleCounts.Count - MaxRules, "rule", "rules");
        }

        // Grouped by file, each file cut short: a reviewer sees where the problems are before reading them all.
        var shown = 0;
        foreach (var file in report.FindingsByFile)
        {
            if (shown >= maxFindings)
            {
                break;
            }

            lines.Line(string.Empty);
            lines.Line($"  {file.File} ({file.Findings.Count})");
            var take = Math.Min(MaxPerFile, maxFindings - shown);
            foreach (var finding in file.Findings.Take(take))
            {
                var where = finding.Line is { } line ? (finding.Column is { } column ? $"{line}:{column}" : $"{line}") : "-";
                lines.Line($"    {where,-8}{ReportText.Severity(finding.Severity),-8}{finding.Tool} {finding.Rule}");
                lines.Wrapped("            ", finding.Message, maxLines: 2);
            }

            shown += Math.Min(take, file.Findings.Count);
            if (file.Findings.Count > take)
            {
                lines.Line($"    +{file.Findings.Count - take} more in this file");
            }
        }

        More(lines, report.Findings.Count - shown, "finding", "findings");
    }

    private static void More(LineSink lines, int more, string singular, string plural)
    {
        if (more > 0)
        {
            lines.Line(string.Empty);
            lines.Line($"  ... and {more} more {(more == 1 ? singular : plural)} (see the Markdown or JSON report)");
        }
    }

    /// <summary>Writes lines cut to the width, with control characters (colour codes from logs) replaced.</summary>
    private sealed class LineSink(TextWriter output)
    {
        private bool _any;

        public void Heading(string title)
        {
            if (_any)
            {
                Line(string.Empty);
            }

            var text = $"== {title} ";
            Line(text + new string('=', Math.Max(3, Width - text.Length)));
        }

        public void Wrapped(string indent, string text, int maxLines)
        {
            foreach (var line in ReportText.Wrap(text, Width - indent.Length, maxLines))
            {
                Line(indent + line);
            }
        }

        public void Line(string text)
        {
            _any = true;
            output.WriteLine(Printable(ReportText.Fit(text, Width)));
        }

        private static string Printable(string text) =>
            text.Any(char.IsControl)
                ? new string(text.Select(character => char.IsControl(character) ? '?' : character).ToArray())
                : text;
    }
}
