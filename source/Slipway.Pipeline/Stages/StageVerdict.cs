using Slipway.Results;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// What a results stage's own results say about it: passed or failed, and the one line shown for it (commit
/// status description, Slack, the console). The one place the verdict rules live; docs/status.md states them.
/// Whether the run goes on after a failed verdict is not decided here: that is the pipeline's choice.
/// </summary>
/// <param name="Passed">False when the stage is red.</param>
/// <param name="Summary">"13 passed, 15 failed", "12 findings from phpcs, phplint", ...</param>
public sealed record StageVerdict(bool Passed, string Summary)
{
    /// <summary>The tool name <c>php -l</c>'s findings carry.</summary>
    public const string SyntaxTool = "phplint";

    /// <summary>Red when any test failed or broke (skipped tests and passes with a warning do not count).</summary>
    public static StageVerdict ForTests(RunReport report)
    {
        var tests = report.Tests;
        if (tests.Total == 0)
        {
            // The runner's own reason ("no tests found: no phpunit.xml ..."), never a silent "0 tests passed"; led by
            // the runner's name ("unit: no tests found: ...") when there are several.
            var named = report.Runners.Count > 1;
            var reasons = report.Notes.Where(note => note.SaysNoTestsFound).Select(note => named ? note.ToString() : note.Text).ToList();
            return new StageVerdict(true, reasons.Count > 0 ? string.Join("; ", reasons) : "no tests found");
        }

        var parts = new List<string> { $"{tests.Passed + tests.Warnings} passed", $"{tests.Failed} failed" };
        if (tests.Errors > 0)
        {
            parts.Add($"{tests.Errors} {(tests.Errors == 1 ? "error" : "errors")}");
        }

        if (tests.Skipped > 0)
        {
            parts.Add($"{tests.Skipped} skipped");
        }

        // A runner that found nothing while others ran is named, never lost in the sum.
        var empty = report.Runners.Where(runner => runner.Tests.Total == 0 && runner.CouldNotRun is null).Select(runner => $"; {runner.Runner}: {runner.Describe()}");
        return new StageVerdict(!report.HasTestFailures, string.Join(", ", parts) + string.Concat(empty));
    }

    /// <summary>Red when a finding meets <paramref name="rule"/>; the summary then says which findings made it red.</summary>
    public static StageVerdict ForAnalysis(RunReport report, AnalysisFailsOn rule)
    {
        var tools = report.Tasks.SelectMany(task => task.Tools).Where(tool => tool.Format != "junit").Select(tool => tool.Tool).ToList();
        var found = tools.Count == 0 ? "no results" : $"{report.Findings.Count} findings from {string.Join(", ", tools)}";
        var red = report.Findings.Count(finding => MakesRed(finding, rule));
        if (red == 0)
        {
            return new StageVerdict(true, found);
        }

        var what = rule switch
        {
            AnalysisFailsOn.Syntax => red == 1 ? "1 syntax error" : $"{red} syntax errors",
            AnalysisFailsOn.Error => $"{red} error-severity {(red == 1 ? "finding" : "findings")}",
            _ => $"{red} error or warning {(red == 1 ? "finding" : "findings")}",
        };
        return new StageVerdict(false, $"{what}; {found}");
    }

    private static bool MakesRed(Finding finding, AnalysisFailsOn rule) => rule switch
    {
        AnalysisFailsOn.Syntax => finding is { Tool: SyntaxTool, Severity: FindingSeverity.Error },
        AnalysisFailsOn.Error => finding.Severity == FindingSeverity.Error,
        AnalysisFailsOn.Warning => finding.Severity is FindingSeverity.Error or FindingSeverity.Warning,
        _ => false,
    };
}
