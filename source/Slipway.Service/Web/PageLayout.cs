namespace Slipway.Service.Web;

/// <summary>The frame every page shares: title, navigation, a little CSS, and an optional reload while something runs.</summary>
internal static class PageLayout
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:0;color:#1d2327;background:#f6f7f7}
        header{background:#1d2327;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center}
        header a{color:#fff;text-decoration:none}header strong{margin-right:1rem}
        main{padding:1rem 1.2rem;max-width:80rem}
        table{border-collapse:collapse;width:100%;background:#fff}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #dcdcde;vertical-align:top}
        .state{font-weight:600}.Succeeded{color:#007017}.Failed,.Interrupted{color:#b32d2e}.Running{color:#2271b1}
        .Queued{color:#646970}.Cancelled,.Superseded,.Skipped{color:#996800}
        pre{background:#1d2327;color:#f0f0f1;padding:.8rem;overflow:auto;max-height:40rem;font-size:.85rem}
        .error{background:#fcf0f1;border-left:4px solid #b32d2e;padding:.5rem .8rem}
        form.inline{display:inline}label{display:block;margin:.6rem 0 .2rem}
        button{padding:.3rem .8rem}.muted{color:#646970}
        """;

    public static string Render(string title, Action<HtmlWriter> body, int? refreshSeconds = null, bool showLogout = false)
    {
        var html = new HtmlWriter();
        html.Markup("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        if (refreshSeconds is { } seconds)
        {
            html.Open("meta", ("http-equiv", "refresh"), ("content", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        html.Element("title", $"{title} · Slipway")
            .Markup("<style>").Markup(Style).Markup("</style></head><body><header><strong>Slipway</strong>")
            .Link("/", "Runs").Link("/playgrounds", "Playgrounds").Link("/forks", "Forks").Link("/runs/new", "Start a run")
            .Link("/commands", "Commands").Link("/schedules", "Schedules");
        if (showLogout)
        {
            html.Markup("<form class=\"inline\" method=\"post\" action=\"/logout\"><button type=\"submit\">Log out</button></form>");
        }

        html.Markup("</header><main>").Element("h1", title);
        body(html);
        html.Markup("</main></body></html>");
        return html.ToString();
    }
}
