using Slipway.Engine;
using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Results.Writers;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Writes a run's combined report where people look for it: the console, the run folder (Markdown,
/// merged JUnit, JSON), the GitHub step summary when there is one, and the status snapshot. Stages that
/// failed without results of their own are listed among the problems.
/// </summary>
public sealed class RunReportPublisher(Func<string, string?> environment)
{
    public const string MarkdownFile = "report.md";
    public const string JUnitFile = "junit.xml";
    public const string JsonFile = "report.json";
    private const int FailureItemsKept = 200;

    /// <summary>The run's results as they stand, without comparison or facts.</summary>
    public static RunReport Combine(RunContext run) =>
        RunReport.Combine(run.Results.OrderBy(results => results.TaskName, StringComparer.Ordinal).Concat(FailedStagesWithoutResults(run)));

    /// <summary>
    /// Writes the report, compared with <paramref name="baseline"/> and carrying <paramref name="facts"/>; the failing
    /// tests link their <paramref name="screenshots"/> (by default those under the run's page on the service, if any).
    /// </summary>
    public RunReport Publish(
        RunContext run, string runFolder, Baseline? baseline = null, RunFacts? facts = null, IReadOnlyList<ScreenshotLink>? screenshots = null)
    {
        var report = Combine(run).With(baseline ?? Baseline.Missing(run.Settings.BaseBranch), facts ?? RunFacts.None);
        Directory.CreateDirectory(runFolder);

        var console = new StringWriter();
        new ConsoleReportWriter().Write(report, console);
        foreach (var line in console.ToString().Split('\n'))
        {
            Log.Information(line.TrimEnd('\r'));
        }

        var markdown = new StringWriter();
        new MarkdownReportWriter().Write(report, markdown);
        WriteFile(Path.Combine(runFolder, MarkdownFile), output => output.Write(markdown.ToString()));
        WriteFile(Path.Combine(runFolder, JUnitFile), output => new JUnitReportWriter().Write(report, output));
        WriteFile(Path.Combine(runFolder, JsonFile), output => new JsonReportWriter().Write(report, output));
        WriteAttachments(report, runFolder);
        new GitHubStepSummary(environment, new MarkdownReportWriter()).TryAppend(report);
        Log.Information($"Report written to {runFolder}");

        screenshots ??= ScreenshotLinks.ForRunPage(run.Settings.RunPageUrl, report.Attachments);
        run.Tracker.Update(status => status with
        {
            Screenshots = screenshots,
            TestTotals = new TestTotals(report.Tests.Passed, report.Tests.Failed, report.Tests.Errors, report.Tests.Skipped),
            FindingTotals = new FindingTotals(
                report.CountFindings(Slipway.Results.FindingSeverity.Error),
                report.CountFindings(Slipway.Results.FindingSeverity.Warning),
                report.Findings.Count
                    - report.CountFindings(Slipway.Results.FindingSeverity.Error)
                    - report.CountFindings(Slipway.Results.FindingSeverity.Warning)),
            FailingTests = StatusItems.Tests(report, FailureItemsKept, screenshots),
            Findings = StatusItems.Findings(report, FailureItemsKept),
            Changes = StatusItems.Counts(report.Changes),
            ReportMarkdown = markdown.ToString(),
            CostSummary = StatusItems.Costs(report.Facts),
        });
        return report;
    }

    // The screenshots the tasks handed back, beside the report that links them. Their names were checked as
    // plain file names when they were read; a later one of the same name replaces an earlier one.
    private static void WriteAttachments(RunReport report, string runFolder)
    {
        foreach (var attachment in report.Attachments)
        {
            var path = Path.Combine(runFolder, TaskAttachment.Folder, attachment.Name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, attachment.Content);
        }
    }

    // A stage that failed before it had results (the build, the playground, a tests image that did not
    // build) is still an infrastructure failure of the run: the report names it rather than look clean.
    private static IEnumerable<TaskResults> FailedStagesWithoutResults(RunContext run)
    {
        var tasksWithResults = run.Results.Select(results => results.TaskName).ToHashSet(StringComparer.Ordinal);
        return run.Tracker.Status.Stages
            .Where(stage => stage.State == StageState.Failed && !tasksWithResults.Contains(TaskOf(stage.Name)))
            .Select(stage => new TaskResults(
                stage.Name,
                [],
                [],
                [],
                [],
                [new ResultsProblem(stage.Name, null, ResultsProblemKind.StageFailed, $"{stage.Name} failed: {stage.Summary ?? "no reason given"}", [])]));
    }

    private static string TaskOf(string stage) => stage == StageNames.Test ? "tests" : stage;

    private static void WriteFile(string path, Action<TextWriter> write)
    {
        using var output = new StreamWriter(path);
        write(output);
    }
}
