using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Service.Schedules;
using Slipway.Service.Web;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Slipway.Service.Commands;

/// <summary>The page's commands (start one against a branch) and schedules (cron, dumps, teardown) parts.</summary>
public static class OperationsEndpoints
{
    private const string Html = "text/html; charset=utf-8";

    public static void MapOperations(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/commands", async (IRunStore pipelineStore, BranchCommandCatalog catalog, TokenGate gate, CancellationToken cancellationToken) =>
            Page(await RenderCommandsAsync(pipelineStore, catalog, gate, null, cancellationToken)));

        routes.MapPost("/commands", async (HttpContext context, CommandStarter starter, IRunStore pipelineStore, BranchCommandCatalog catalog, TokenGate gate) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            try
            {
                var result = await starter.StartAsync(
                    form["app"], form["branch"], form["command"], form["free"], form["token"], RunTriggers.Form, context.RequestAborted);
                return HttpResults.Redirect($"/runs/{result.Run.Id}", permanent: false, preserveMethod: false);
            }
            catch (RunRequestException exception)
            {
                return Page(await RenderCommandsAsync(pipelineStore, catalog, gate, exception.Message, context.RequestAborted), StatusCodes.Status400BadRequest);
            }
        });

        routes.MapGet("/schedules", async (ScheduledJobRunner teardown, ScheduleBook book, RunQueue queue, TokenGate gate, CancellationToken cancellationToken) =>
            Page(SchedulesPage.Render([teardown, .. book.Runners], await queue.Store.ListAsync(200, cancellationToken), gate.IsEnabled)));
    }

    private static async Task<string> RenderCommandsAsync(
        IRunStore pipelineStore, BranchCommandCatalog catalog, TokenGate gate, string? problem, CancellationToken cancellationToken) =>
        CommandsPage.Render(
            await pipelineStore.ListPlaygroundsAsync(cancellationToken), playground => catalog.AllowListOf(playground.App, playground.Branch), problem, gate.IsEnabled);

    private static IResult Page(string html, int status = StatusCodes.Status200OK) => HttpResults.Content(html, Html, statusCode: status);
}
