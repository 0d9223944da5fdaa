using System.Text;
using Slipway.Status.Summary;

namespace Slipway.Status.Checks;

/// <summary>
/// Turns a stage of a run into a <see cref="StageCheck"/>: the test stage is annotated with the new failing tests,
/// the analysis stage with the new findings (old ones are counted in the summary, never annotated). A stage still
/// pending or running when the run ended never will finish: it is shown cancelled.
/// </summary>
internal static class StageCheckBuilder
{
    /// <summary>The most annotations one check gets: enough for any change a reviewer reads, few enough to post quickly.</summary>
    public const int MaxAnnotations = 1000;

    /// <summary>GitHub's limit for a check's summary (65,535 characters), with room for the note that it was cut.</summary>
    public const int SummaryLimit = 65_000;

    public static StageCheck Build(StageStatus stage, RunStatus run, bool runFinished)
    {
        var state = runFinished && stage.State is StageState.Pending or StageState.Running ? StageState.Cancelled : stage.State;
        var title = state != stage.State ? "Did not finish before the run ended"
            : RunSummary.FirstLine(stage.Summary) ?? StageStateText.Word(state);
        var items = stage.Name switch
        {
            StageNames.Test => run.FailingTests,
            StageNames.Analysis => run.Findings,
            _ => [],
        };
        var annotations = runFinished
            ? items.Where(item => item.IsNew && !string.IsNullOrWhiteSpace(item.File))
                .OrderBy(item => item.InDiff ? 0 : 1)
                .Select(item => new CheckAnnotation(item.File!, Math.Max(1, item.Line ?? 1), item.Level, item.Title, AnnotationMessage(item)))
                .Take(MaxAnnotations)
                .ToList()
            : [];
        return new StageCheck(
            stage.Name,
            state,
            RunSummary.Shorten(title, 200),
            Summary(stage, run, items, runFinished),
            annotations,
            run.PlaygroundUrl ?? stage.TargetUrl ?? run.RunUrl,
            runFinished);
    }

    private static string Summary(StageStatus stage, RunStatus run, IReadOnlyList<FailureItem> items, bool runFinished)
    {
        var text = new StringBuilder();
        text.AppendLine($"**{stage.Name}**: {RunSummary.FirstLine(stage.Summary) ?? StageStateText.Word(stage.State)}");
        text.AppendLine();
        if (items.Count > 0 && run.Changes is { } changes)
        {
            text.AppendLine(changes.Summary);
            text.AppendLine();
            var (what, newCount, oldCount) = stage.Name == StageNames.Test
                ? ("failing tests", changes.NewFailures, changes.OldFailures)
                : ("findings", changes.NewFindings, changes.OldFindings);
            text.AppendLine($"{newCount} new {what} (annotated on their lines), {oldCount} old {what} (counted, not annotated).");
            text.AppendLine();
        }

        if (run.CostSummary is { } cost)
        {
            text.AppendLine($"Cost and time: {cost}.");
            text.AppendLine();
        }

        // Only the service's page, behind its token: anyone can read a public repository's checks, and a presigned
        // bucket link opens its file for whoever holds it.
        var screenshots = run.Screenshots.Where(screenshot => !screenshot.Signed).ToList();
        if (stage.Name == StageNames.Test && screenshots.Count > 0)
        {
            // report.md links its screenshots relative to the run folder, which a check's reader does not have.
            text.AppendLine("Screenshots of failing browser steps:");
            foreach (var screenshot in screenshots)
            {
                text.AppendLine($"- [{screenshot.Name}]({screenshot.Url.AbsoluteUri})");
            }

            text.AppendLine();
        }

        if (runFinished && run.ReportMarkdown is { } report && stage.Name is StageNames.Test or StageNames.Analysis)
        {
            text.AppendLine(report);
        }

        var summary = text.ToString();
        return summary.Length <= SummaryLimit ? summary : summary[..SummaryLimit] + "\n\n(cut: report.md has the whole report)";
    }

    private static string AnnotationMessage(FailureItem item) =>
        item.Screenshot is { Signed: false } screenshot
            ? $"{item.Message ?? item.Title}\nScreenshot: {screenshot.Url.AbsoluteUri}"
            : item.Message ?? item.Title;
}
