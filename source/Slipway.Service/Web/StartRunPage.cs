using Slipway.Service.Apps;

namespace Slipway.Service.Web;

/// <summary>The form QA uses to start a pipeline: the app, a branch from the app's remote branches, the pipeline.</summary>
internal static class StartRunPage
{
    public static string Render(
        IReadOnlyList<KnownApp> apps,
        KnownApp app,
        IReadOnlyList<string> branches,
        string? problem,
        bool showLogout) =>
        PageLayout.Render("Start a run", html =>
        {
            if (problem is not null)
            {
                html.Element("p", problem, ("class", "error"), ("id", "problem"));
            }

            // Choosing another app reloads the form with that app's branches.
            html.Open("form", ("method", "get"), ("action", "/runs/new"), ("id", "app-choice"))
                .Markup("<label for=\"app\">App</label>")
                .Open("select", ("id", "app"), ("name", "app"), ("onchange", "this.form.submit()"));
            foreach (var known in apps)
            {
                html.Open("option", ("value", known.Name), ("selected", known.Name == app.Name ? "selected" : null))
                    .Text($"{known.Name} ({known.DisplaySource})").Close("option");
            }

            html.Close("select").Markup(" <noscript><button type=\"submit\">Show branches</button></noscript></form>");

            html.Open("form", ("method", "post"), ("action", "/runs"), ("id", "start"))
                .Hidden("app", app.Name)
                .Markup("<label for=\"branch\">Branch</label>");
            if (branches.Count > 0)
            {
                html.Open("select", ("id", "branch"), ("name", "branch"));
                foreach (var branch in branches)
                {
                    html.Element("option", branch, ("value", branch));
                }

                html.Close("select");
            }
            else
            {
                html.Open("input", ("id", "branch"), ("name", "branch"), ("required", "required"), ("placeholder", "feature/x"));
            }

            html.Markup("<label for=\"pipeline\">Pipeline</label>").Open("select", ("id", "pipeline"), ("name", "pipeline"));
            foreach (var pipeline in RunStarter.Pipelines)
            {
                html.Element("option", pipeline, ("value", pipeline));
            }

            html.Close("select")
                .Markup("<label for=\"commit\">Commit (optional)</label>")
                .Open("input", ("id", "commit"), ("name", "commit"), ("placeholder", "the branch head"))
                .Markup("<p><button type=\"submit\">Start</button></p></form>");
        }, refreshSeconds: null, showLogout);
}
