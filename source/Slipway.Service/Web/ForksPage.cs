using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.AspNetCore.Routing;
using Slipway.Pipeline.Naming;
using Slipway.Service.Queue;
using Slipway.Service.Webhooks;

namespace Slipway.Service.Web;

/// <summary>
/// <c>/forks</c>: the fork pull requests that wait for trust, each with its head commit and a button that trusts that
/// commit. Behind the service token like every page, and its form is refused from another site's page
/// (<see cref="RequestOriginGuard"/>): only someone holding the token can let a fork's code run with hooks and a
/// playground.
/// </summary>
internal static class ForksPage
{
    /// <summary>Adds the page and its form.</summary>
    public static void MapForkTrust(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/forks", (ForkTrustWaitlist waitlist, TokenGate gate, TimeProvider clock) =>
            HttpResults.Content(Render(waitlist.All, clock.GetUtcNow(), gate.IsEnabled), "text/html; charset=utf-8"));

        routes.MapPost("/forks/trust", async (HttpContext context, ForkTrustWaitlist waitlist, RunQueue queue) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            try
            {
                var request = waitlist.Trust(form["repository"], form["number"], form["commit"]);
                var result = await queue.EnqueueAsync(request, context.RequestAborted);
                return HttpResults.Redirect($"/runs/{result.Run.Id}");
            }
            catch (RunRequestException exception)
            {
                return HttpResults.Text(exception.Message, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }

    private static string Render(IReadOnlyList<WaitingFork> waiting, DateTimeOffset now, bool showLogout) =>
        PageLayout.Render("Forks waiting for trust", html =>
        {
            html.Element("p", "A fork's pull request runs nothing — no build, no hook, no playground — until someone who may write trusts it. " +
                "Trust is for the commit shown: a new push waits here again.", ("class", "muted"));
            if (waiting.Count == 0)
            {
                html.Element("p", "No fork's pull request waits.", ("class", "muted"));
                return;
            }

            html.Markup("<table id=\"forks\"><thead><tr><th>Pull request</th><th>Fork</th><th>Branch</th><th>Commit</th><th>Waiting</th><th></th></tr></thead><tbody>");
            foreach (var fork in waiting)
            {
                var request = fork.Request;
                var title = $"{request.Repository} #{request.PullRequest}";
                html.Open("tr", ("data-pull-request", title)).Open("td");
                if (Uri.TryCreate(request.PullRequestUrl, UriKind.Absolute, out var url) && url.Scheme is "https" or "http")
                {
                    html.Link(url.ToString(), title);
                }
                else
                {
                    html.Text(title);
                }

                var (forkName, branch) = RunIdentity.SplitKey(request.Branch);
                html.Close("td").Cell(forkName ?? "").Cell(branch).Cell(request.Commit ?? "").Cell(DisplayText.Age(fork.Since, now)).Open("td")
                    .Open("form", ("class", "inline"), ("method", "post"), ("action", "/forks/trust"))
                    .Hidden("repository", request.Repository ?? "").Hidden("number", $"{request.PullRequest}").Hidden("commit", request.Commit ?? "")
                    .Element("button", "Trust this commit and run", ("type", "submit")).Close("form").Close("td").Close("tr");
            }

            html.Markup("</tbody></table>");
        }, refreshSeconds: null, showLogout);
}
