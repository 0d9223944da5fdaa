using Slipway.Pipeline.State;
using Slipway.Service.Web;

namespace Slipway.Service.Commands;

/// <summary>
/// The page QA start a command from: each playground with its branch's allow-list, and a free-form command that
/// needs the service token. A started command is a run like a pipeline's, with its log on the run's page.
/// </summary>
internal static class CommandsPage
{
    public static string Render(IReadOnlyList<PlaygroundRecord> playgrounds, Func<PlaygroundRecord, IReadOnlyList<string>> allowListOf, string? problem, bool showLogout) =>
        PageLayout.Render("Run a command", html =>
        {
            if (problem is not null)
            {
                html.Element("p", problem, ("class", "error"), ("id", "problem"));
            }

            html.Element("p", "A command runs once in a task from the branch's image, with its playground's environment and database.", ("class", "muted"));
            if (playgrounds.Count == 0)
            {
                html.Element("p", "No playground runs: start one to run commands against it.", ("class", "muted"));
                return;
            }

            html.Markup("<table id=\"commands\"><thead><tr><th>App</th><th>Branch</th><th>From the allow-list</th><th>Free-form (service token)</th></tr></thead><tbody>");
            foreach (var playground in playgrounds)
            {
                var allowed = allowListOf(playground);
                html.Open("tr", ("data-branch", playground.Branch)).Cell(playground.App).Cell(playground.Branch).Open("td");
                if (allowed.Count == 0)
                {
                    html.Element("span", "none listed (commands in .slipway.yml)", ("class", "muted"));
                }
                else
                {
                    Form(html, playground).Open("select", ("name", "command"), ("aria-label", "Command"));
                    foreach (var command in allowed)
                    {
                        html.Element("option", command, ("value", command));
                    }

                    html.Close("select").Element("button", "Run", ("type", "submit")).Close("form");
                }

                html.Close("td").Open("td");
                Form(html, playground)
                    .Open("input", ("name", "free"), ("placeholder", "drush status"), ("aria-label", "Free-form command"))
                    .Open("input", ("name", "token"), ("type", "password"), ("placeholder", "service token"), ("autocomplete", "off"), ("aria-label", "Service token"))
                    .Element("button", "Run", ("type", "submit")).Close("form");
                html.Close("td").Close("tr");
            }

            html.Markup("</tbody></table>");
        }, refreshSeconds: null, showLogout);

    private static HtmlWriter Form(HtmlWriter html, PlaygroundRecord playground) =>
        html.Open("form", ("class", "inline"), ("method", "post"), ("action", "/commands"))
            .Hidden("app", playground.App).Hidden("branch", playground.Branch);
}
