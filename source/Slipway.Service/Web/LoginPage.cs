namespace Slipway.Service.Web;

/// <summary>Asks for the service token once; the browser then keeps a session cookie.</summary>
internal static class LoginPage
{
    public static string Render(string next, string? problem) =>
        PageLayout.Render("Log in", html =>
        {
            if (problem is not null)
            {
                html.Element("p", problem, ("class", "error"), ("id", "problem"));
            }

            html.Open("form", ("method", "post"), ("action", "/login"), ("id", "login"))
                .Hidden("next", next)
                .Markup("<label for=\"token\">Service token</label>")
                .Markup("<input id=\"token\" name=\"token\" type=\"password\" autocomplete=\"current-password\" required>")
                .Markup("<p><button type=\"submit\">Log in</button></p></form>");
        });
}
