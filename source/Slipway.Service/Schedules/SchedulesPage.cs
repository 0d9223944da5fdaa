using Slipway.Status;
using Slipway.Service.Queue;
using Slipway.Service.Web;

namespace Slipway.Service.Schedules;

/// <summary>The scheduled jobs: when each runs next, how its last run went, and the runs it queued with their logs.</summary>
internal static class SchedulesPage
{
    private const int RunsShown = 5;

    public static string Render(IReadOnlyList<ScheduledJobRunner> runners, IReadOnlyList<QueuedRun> recent, bool showLogout) =>
        PageLayout.Render("Schedules", html =>
        {
            if (runners.Count == 0)
            {
                html.Element("p", "No scheduled jobs.", ("class", "muted"));
                return;
            }

            html.Markup("<table id=\"schedules\"><thead><tr><th>Job</th><th>Schedule</th><th>Next</th><th>Last</th><th>Latest runs</th></tr></thead><tbody>");
            foreach (var runner in runners)
            {
                html.Open("tr", ("data-job", runner.JobName)).Cell(runner.JobName).Cell(runner.Schedule.ToString())
                    .Cell(runner.NextRun is { } next ? DisplayText.Time(next) : "never")
                    .Cell(runner.LastRun is { } last ? $"{DisplayText.Time(last.At)}: {last.Outcome}" : "not yet")
                    .Open("td");
                if (runner.Job is IAppJob job)
                {
                    foreach (var run in recent
                                 .Where(run => run.Request.Trigger == RunTriggers.Schedule && run.Request.Pipeline == job.Pipeline && run.Request.AppName == job.AppName)
                                 .Take(RunsShown))
                    {
                        html.Link($"/runs/{run.Id}", $"#{run.Id} {run.Request.Branch}").Text(" ")
                            .Element("span", run.State.ToString(), ("class", "state " + run.State)).Markup("<br>");
                    }
                }

                html.Close("td").Close("tr");
            }

            html.Markup("</tbody></table>");
        }, refreshSeconds: null, showLogout);
}
