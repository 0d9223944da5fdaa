using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.AspNetCore.Routing;
using Slipway.Pipeline.State;
using Slipway.Service.Apps;
using Slipway.Service.Queue;
using Slipway.Service.Schedules;

namespace Slipway.Service.Web;

/// <summary>The server-rendered pages and the forms they post.</summary>
public static class PageEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    /// <summary>Adds the pages, their forms and the login.</summary>
    public static void MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", async (RunQueue queue, TokenGate gate, TimeProvider clock, CancellationToken cancellationToken) =>
            Page(RunsPage.Render(await queue.Store.ListAsync(100, cancellationToken), clock.GetUtcNow(), gate.IsEnabled)));

        routes.MapGet("/runs/new", async (string? app, AppCatalog apps, IRemoteBranchLister lister, TokenGate gate, CancellationToken cancellationToken) =>
        {
            var chosen = (app is null ? null : apps.Find(app)) ?? apps.Default;
            var (branches, problem) = await ListBranchesAsync(lister, chosen, cancellationToken);
            return Page(StartRunPage.Render(apps.All, chosen, branches, problem, gate.IsEnabled));
        });

        routes.MapPost("/runs", async (HttpContext context, RunStarter starter, AppCatalog apps, IRemoteBranchLister lister, TokenGate gate) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            try
            {
                var result = await starter.StartAsync(form["app"], form["branch"], form["pipeline"], form["commit"], RunTriggers.Form, context.RequestAborted);
                return HttpResults.Redirect($"/runs/{result.Run.Id}", permanent: false, preserveMethod: false);
            }
            catch (RunRequestException exception)
            {
                var chosen = apps.Find(form["app"].ToString()) ?? apps.Default;
                var (branches, _) = await ListBranchesAsync(lister, chosen, context.RequestAborted);
                return Page(StartRunPage.Render(apps.All, chosen, branches, exception.Message, gate.IsEnabled), StatusCodes.Status400BadRequest);
            }
        });

        routes.MapGet("/runs/{id}", async (string id, RunQueue queue, IRunStore pipelineStore, TokenGate gate, TimeProvider clock, CancellationToken cancellationToken) =>
            SafeAddresses.IsRunId(id) && await RunDetails.LoadAsync(id, queue.Store, pipelineStore, cancellationToken) is { } details
                ? Page(RunPage.Render(details, clock.GetUtcNow(), gate.IsEnabled))
                : NoSuchRun(id));

        routes.MapPost("/runs/{id}/cancel", async (string id, RunQueue queue, CancellationToken cancellationToken) =>
        {
            if (!SafeAddresses.IsRunId(id))
            {
                return NoSuchRun(id);
            }

            await queue.CancelAsync(id, cancellationToken);
            return HttpResults.Redirect($"/runs/{id}");
        });

        routes.MapGet("/playgrounds", async (IRunStore pipelineStore, PlaygroundConditions conditions, TokenGate gate, TimeProvider clock, ScheduledJobRunner schedule, CancellationToken cancellationToken) =>
        {
            var next = schedule.NextRun is { } due
                ? $"{TimeZoneInfo.ConvertTime(due, schedule.Schedule.TimeZone):ddd yyyy-MM-dd HH:mm} ({schedule.Schedule.TimeZone.Id})"
                : null;
            return Page(PlaygroundsPage.Render(await pipelineStore.ListPlaygroundsAsync(cancellationToken), conditions, clock.GetUtcNow(), next, gate.IsEnabled));
        });

        routes.MapPost("/playgrounds/keep", async (HttpContext context, PlaygroundActions actions) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await OrProblemAsync(async () =>
            {
                await actions.SetKeepAsync(form["app"], form["branch"], form["keep"] == "true", context.RequestAborted);
                return HttpResults.Redirect("/playgrounds");
            });
        });

        routes.MapPost("/playgrounds/teardown", async (HttpContext context, PlaygroundActions actions) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return await OrProblemAsync(async () =>
            {
                var result = await actions.TearDownAsync(form["app"], form["branch"], RunTriggers.Form, context.RequestAborted);
                return HttpResults.Redirect($"/runs/{result.Run.Id}");
            });
        });

        routes.MapScreenshots();
        routes.MapForkTrust();
        MapLogin(routes);
    }

    private static void MapLogin(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/login", (string? next, TokenGate gate) =>
            gate.IsEnabled ? Page(LoginPage.Render(LocalPath(next), null)) : HttpResults.Redirect(LocalPath(next)));

        routes.MapPost("/login", async (HttpContext context, TokenGate gate) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var next = LocalPath(form["next"]);
            if (!gate.IsEnabled)
            {
                return HttpResults.Redirect(next);
            }

            if (!gate.Matches(form["token"]))
            {
                return Page(LoginPage.Render(next, "That is not the service token."), StatusCodes.Status401Unauthorized);
            }

            context.Response.Cookies.Append(TokenGate.CookieName, gate.SessionValue!, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Secure = context.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(30),
            });
            return HttpResults.Redirect(next);
        });

        routes.MapPost("/logout", (HttpContext context) =>
        {
            context.Response.Cookies.Delete(TokenGate.CookieName);
            return HttpResults.Redirect("/login");
        });
    }

    private static async Task<(IReadOnlyList<string> Branches, string? Problem)> ListBranchesAsync(IRemoteBranchLister lister, KnownApp app, CancellationToken cancellationToken)
    {
        try
        {
            var branches = await lister.ListAsync(app.Source, cancellationToken);
            return (branches, branches.Count == 0 ? $"{app.Name} has no remote branches to choose from: type the branch name." : null);
        }
        catch (BranchListingException exception)
        {
            return ([], exception.Message + " Type the branch name instead.");
        }
    }

    private static async Task<IResult> OrProblemAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RunRequestException exception)
        {
            return HttpResults.Text(exception.Message, statusCode: StatusCodes.Status400BadRequest);
        }
    }

    /// <summary>Only paths on this site: a login must not send the browser elsewhere.</summary>
    private static string LocalPath(string? next) => SafeAddresses.LocalPath(next);

    private static IResult NoSuchRun(string id) =>
        HttpResults.Text(SafeAddresses.IsRunId(id) ? $"There is no run {id}." : "There is no run with that id.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Page(string html, int status = StatusCodes.Status200OK) => HttpResults.Content(html, Html, statusCode: status);
}
