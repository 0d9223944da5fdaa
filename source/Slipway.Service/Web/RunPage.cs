using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Web;

/// <summary>One run: its request, its stages, the live tail of its log, its test report and findings, and its playground.</summary>
internal static class RunPage
{
    public static string Render(RunDetails details, DateTimeOffset now, bool showLogout)
    {
        var run = details.Run;
        return PageLayout.Render($"Run #{run.Id}", html =>
        {
            html.Markup("<table id=\"run\"><tbody>")
                .Markup("<tr><th>Status</th>").Element("td", run.State.ToString(), ("class", "state " + run.State), ("id", "run-state")).Markup("</tr>");
            Row(html, "Pipeline", run.Request.Pipeline);
            Row(html, "App", run.Request.AppName);
            Row(html, "Branch", run.Request.Branch);
            Row(html, "Commit", run.Request.Commit);
            if (run.Request.PullRequest is { } number)
            {
                html.Markup("<tr>").Element("th", "Pull request").Open("td");
                if (Uri.TryCreate(run.Request.PullRequestUrl, UriKind.Absolute, out var page) && page.Scheme is "https" or "http")
                {
                    html.Link(page.ToString(), $"#{number}");
                }
                else
                {
                    html.Text($"#{number}");
                }

                html.Close("td").Markup("</tr>");
            }

            Row(html, "Started by", run.Request.Trigger);
            Row(html, "Queued", DisplayText.Time(run.CreatedAt));
            Row(html, "Started", DisplayText.Time(run.StartedAt));
            Row(html, "Finished", DisplayText.Time(run.FinishedAt));
            Row(html, "Duration", DisplayText.Duration(run.Duration(now)));
            Row(html, "Summary", run.Summary);
            Row(html, "Pipeline run", run.PipelineRunId);
            html.Markup("</tbody></table>");

            if (!run.State.IsFinal())
            {
                html.Open("form", ("method", "post"), ("action", $"/runs/{run.Id}/cancel"), ("class", "inline"))
                    .Markup("<p><button type=\"submit\">Cancel this run</button></p></form>");
            }

            if (details.Playground is { } playground && Uri.TryCreate(playground.Url, UriKind.Absolute, out var url))
            {
                html.Markup("<p>Playground: ").Link(url.ToString(), url.ToString()).Markup("</p>");
            }

            WriteStages(html, details);
            WriteReport(html, details.Report);
            WriteScreenshots(html, run.Id, RunScreenshots.List(run.ReportFolder));
            RunInsightsSection.Write(html, RunInsights.Read(run.ReportFolder));
            html.Element("h2", "Log");
            html.Open("pre", ("id", "log"));
            foreach (var line in details.LogTail)
            {
                html.Text(line.Target is null ? line.Text : $"[{line.Target}] {line.Text}").Markup("\n");
            }

            html.Close("pre");
            html.Element("h2", "History").Markup("<ul>");
            foreach (var entry in details.Events)
            {
                html.Element("li", $"{DisplayText.Time(entry.At)} {entry.Kind}{(entry.Detail is null ? "" : ": " + entry.Detail)}");
            }

            html.Markup("</ul>");
        }, refreshSeconds: run.State.IsFinal() ? null : 2, showLogout);
    }

    private static void WriteStages(HtmlWriter html, RunDetails details)
    {
        html.Element("h2", "Stages");
        if (details.Stages.Count == 0)
        {
            html.Element("p", "No stage has started yet.", ("class", "muted"));
            return;
        }

        html.Markup("<table id=\"stages\"><thead><tr><th>Stage</th><th>State</th><th>Duration</th><th>Summary</th></tr></thead><tbody>");
        foreach (var stage in details.Stages)
        {
            html.Markup("<tr>").Cell(stage.Name).Cell(stage.State.ToString(), "state " + stage.State)
                .Cell(stage.StartedAt is { } started ? DisplayText.Duration((stage.FinishedAt ?? DateTimeOffset.UtcNow) - started) : "")
                .Cell(stage.Summary).Markup("</tr>");
        }

        html.Markup("</tbody></table>");
    }

    private static void WriteReport(HtmlWriter html, RunReportSummary? report)
    {
        if (report is null)
        {
            return;
        }

        html.Element("h2", "Tests")
            .Element("p", $"{report.Passed} passed, {report.Failed} failed, {report.Errors} errors, {report.Skipped} skipped of {report.Total}.", ("id", "test-totals"));
        if (report.Failures.Count > 0)
        {
            html.Markup("<table><thead><tr><th>Failing test</th><th>Where</th><th>Message</th></tr></thead><tbody>");
            foreach (var (name, location, message) in report.Failures)
            {
                html.Markup("<tr>").Cell(name).Cell(location).Cell(message).Markup("</tr>");
            }

            html.Markup("</tbody></table>");
        }

        html.Element("h2", $"Findings ({report.FindingCount})");
        if (report.Findings.Count > 0)
        {
            html.Markup("<table><thead><tr><th>Tool</th><th>Severity</th><th>Rule</th><th>Where</th><th>Message</th></tr></thead><tbody>");
            foreach (var (tool, severity, rule, location, message) in report.Findings)
            {
                html.Markup("<tr>").Cell(tool).Cell(severity).Cell(rule).Cell(location).Cell(message).Markup("</tr>");
            }

            html.Markup("</tbody></table>");
        }
    }

    private static void WriteScreenshots(HtmlWriter html, string runId, IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return;
        }

        html.Element("h2", $"Screenshots ({names.Count})").Open("ul", ("id", "screenshots"));
        foreach (var name in names)
        {
            var address = $"/runs/{Uri.EscapeDataString(runId)}/{Slipway.Results.TaskAttachment.Folder}/{Uri.EscapeDataString(name)}";
            html.Open("li").Open("a", ("href", address)).Open("img", ("src", address), ("alt", name), ("loading", "lazy"), ("width", "320"))
                .Markup("<br>").Text(name).Close("a").Close("li");
        }

        html.Close("ul");
    }

    private static void Row(HtmlWriter html, string label, string? value) =>
        html.Markup("<tr>").Element("th", label).Cell(value).Markup("</tr>");
}
