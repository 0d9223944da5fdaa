using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Web;

/// <summary>The front page: the latest runs with their state, app, branch, pull request, pipeline and duration.</summary>
internal static class RunsPage
{
    public static string Render(IReadOnlyList<QueuedRun> runs, DateTimeOffset now, bool showLogout)
    {
        var busy = runs.Any(run => !run.State.IsFinal());
        return PageLayout.Render("Runs", html =>
        {
            if (runs.Count == 0)
            {
                html.Element("p", "No runs yet: they appear here when a webhook arrives or someone starts one.", ("class", "muted"));
                return;
            }

            html.Markup("<table id=\"runs\"><thead><tr><th>Run</th><th>Status</th><th>App</th><th>Branch</th><th>PR</th><th>Pipeline</th><th>By</th><th>Queued</th><th>Duration</th></tr></thead><tbody>");
            foreach (var run in runs)
            {
                html.Open("tr", ("data-run", run.Id))
                    .Open("td").Link($"/runs/{run.Id}", "#" + run.Id).Close("td")
                    .Cell(run.State.ToString(), "state " + run.State)
                    .Cell(run.Request.AppName)
                    .Cell(run.Request.Branch)
                    .Open("td");
                if (run.Request.PullRequest is { } number)
                {
                    if (run.Request.PullRequestUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var link) && link.Scheme is "https" or "http")
                    {
                        html.Link(link.ToString(), "#" + number);
                    }
                    else
                    {
                        html.Text("#" + number);
                    }
                }

                html.Close("td")
                    .Cell(run.Request.Pipeline)
                    .Cell(run.Request.Trigger)
                    .Cell(DisplayText.Time(run.CreatedAt))
                    .Cell(DisplayText.Duration(run.Duration(now)))
                    .Close("tr");
            }

            html.Markup("</tbody></table>");
        }, refreshSeconds: busy ? 3 : 15, showLogout);
    }
}
