using Slipway.Pipeline.State;
using Slipway.Service.Schedules;

namespace Slipway.Service.Web;

/// <summary>The playgrounds that run (one found down is marked down, without a link): address, age, and buttons to keep one past close of business or tear it down now.</summary>
internal static class PlaygroundsPage
{
    public static string Render(IReadOnlyList<PlaygroundRecord> playgrounds, PlaygroundConditions conditions, DateTimeOffset now, string? nextTeardown, bool showLogout) =>
        PageLayout.Render("Playgrounds", html =>
        {
            if (nextTeardown is not null)
            {
                html.Element("p", $"Next close-of-business teardown: {nextTeardown}. Playgrounds marked keep stay.", ("class", "muted"));
            }

            if (playgrounds.Count == 0)
            {
                html.Element("p", "No playground runs.", ("class", "muted"));
                return;
            }

            html.Markup("<table id=\"playgrounds\"><thead><tr><th>Address</th><th>App</th><th>Branch</th><th>Age</th><th>Keep</th><th></th></tr></thead><tbody>");
            foreach (var playground in playgrounds)
            {
                html.Open("tr", ("data-branch", playground.Branch)).Open("td");
                if (conditions.IsDown(playground.App, playground.Branch))
                {
                    html.Text($"{playground.Url} ").Element("strong", "down", ("class", "down"));
                }
                else if (Uri.TryCreate(playground.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
                {
                    html.Link(url.ToString(), url.ToString());
                }
                else
                {
                    html.Text(playground.Url);
                }

                html.Close("td").Cell(playground.App).Cell(playground.Branch).Cell(DisplayText.Age(playground.StartedAt, now))
                    .Open("td");
                Form(html, "/playgrounds/keep", playground, playground.Keep ? "Stop keeping" : "Keep", ("keep", playground.Keep ? "false" : "true"));
                html.Text(playground.Keep ? " kept" : "").Close("td").Open("td");
                Form(html, "/playgrounds/teardown", playground, "Tear down");
                html.Close("td").Close("tr");
            }

            html.Markup("</tbody></table>");
        }, refreshSeconds: null, showLogout);

    private static void Form(HtmlWriter html, string action, PlaygroundRecord playground, string button, params (string Name, string Value)[] fields)
    {
        html.Open("form", ("class", "inline"), ("method", "post"), ("action", action))
            .Hidden("app", playground.App).Hidden("branch", playground.Branch);
        foreach (var (name, value) in fields)
        {
            html.Hidden(name, value);
        }

        html.Element("button", button, ("type", "submit")).Close("form");
    }
}
