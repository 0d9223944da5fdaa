using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.AspNetCore.Routing;
using Slipway.Pipeline.State;
using Slipway.Service.Apps;
using Slipway.Service.Queue;

namespace Slipway.Service.Web;

/// <summary>The JSON API under <c>/api/</c>: what the pages show and do, for scripts.</summary>
public static class ApiEndpoints
{
    /// <summary>The body of <c>POST /api/runs</c>.</summary>
    public sealed record StartRunBody(string? App, string? Branch, string? Pipeline, string? Commit);

    /// <summary>The body of the playground actions.</summary>
    public sealed record PlaygroundBody(string? App, string? Branch, bool Keep = true);

    /// <summary>Adds the API's routes.</summary>
    public static void MapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api");
        api.MapGet("/runs", async (int? limit, RunQueue queue, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            var runs = await queue.Store.ListAsync(Math.Clamp(limit ?? 50, 1, 1000), cancellationToken);
            var now = clock.GetUtcNow();
            return HttpResults.Json(runs.Select(run => RunView.From(run, now)));
        });

        api.MapGet("/runs/{id}", async (string id, RunQueue queue, IRunStore pipelineStore, TimeProvider clock, CancellationToken cancellationToken) =>
            SafeAddresses.IsRunId(id) && await RunDetails.LoadAsync(id, queue.Store, pipelineStore, cancellationToken) is { } details
                ? HttpResults.Json(new
                {
                    run = RunView.From(details.Run, clock.GetUtcNow()),
                    stages = details.Stages.Select(stage => new { stage.Name, State = stage.State.ToString(), stage.StartedAt, stage.FinishedAt, stage.Summary }),
                    playground = details.Playground?.Url,
                    report = details.Report is { } report
                        ? new { report.Total, report.Passed, report.Failed, report.Errors, report.Skipped, findings = report.FindingCount }
                        : null,
                    events = details.Events.Select(entry => new { entry.At, entry.Kind, entry.Detail }),
                })
                : NoSuchRun(id));

        api.MapGet("/runs/{id}/log", async (string id, long? after, int? limit, RunQueue queue, CancellationToken cancellationToken) =>
        {
            if (!SafeAddresses.IsRunId(id))
            {
                return NoSuchRun(id);
            }

            var lines = await queue.Store.ReadLogAsync(id, after ?? 0, Math.Clamp(limit ?? 1000, 1, 10_000), tail: false, cancellationToken);
            return HttpResults.Json(lines.Select(line => new { line = line.Sequence, line.At, line.Level, line.Target, line.Text }));
        });

        api.MapPost("/runs", async (StartRunBody body, RunStarter starter, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            try
            {
                var result = await starter.StartAsync(body.App, body.Branch, body.Pipeline, body.Commit, RunTriggers.Api, cancellationToken);
                return HttpResults.Json(RunView.From(result.Run, clock.GetUtcNow()), statusCode: StatusCodes.Status202Accepted);
            }
            catch (RunRequestException exception)
            {
                return Problem(exception.Message);
            }
        });

        api.MapPost("/runs/{id}/cancel", async (string id, RunQueue queue, CancellationToken cancellationToken) =>
            !SafeAddresses.IsRunId(id) ? NoSuchRun(id) : await queue.CancelAsync(id, cancellationToken)
                ? HttpResults.Json(new { status = "cancelling", runId = id }, statusCode: StatusCodes.Status202Accepted)
                : HttpResults.Json(new { error = $"Run {id} is not queued or running here." }, statusCode: StatusCodes.Status409Conflict));

        api.MapGet("/playgrounds", async (IRunStore pipelineStore, CancellationToken cancellationToken) =>
            HttpResults.Json((await pipelineStore.ListPlaygroundsAsync(cancellationToken)).Select(playground => new
            {
                playground.App, playground.Branch, playground.Url, playground.StartedAt, playground.Keep, playground.RunId, playground.Platform,
            })));

        api.MapPost("/playgrounds/keep", async (PlaygroundBody body, PlaygroundActions actions, CancellationToken cancellationToken) =>
        {
            try
            {
                var playground = await actions.SetKeepAsync(body.App, body.Branch, body.Keep, cancellationToken);
                return HttpResults.Json(new { playground.App, playground.Branch, playground.Keep });
            }
            catch (RunRequestException exception)
            {
                return NotFound(exception.Message);
            }
        });

        api.MapPost("/playgrounds/teardown", async (PlaygroundBody body, PlaygroundActions actions, TimeProvider clock, CancellationToken cancellationToken) =>
        {
            try
            {
                var result = await actions.TearDownAsync(body.App, body.Branch, RunTriggers.Api, cancellationToken);
                return HttpResults.Json(RunView.From(result.Run, clock.GetUtcNow()), statusCode: StatusCodes.Status202Accepted);
            }
            catch (RunRequestException exception)
            {
                return NotFound(exception.Message);
            }
        });

        api.MapGet("/apps", (AppCatalog apps) =>
            HttpResults.Json(apps.All.Select(app => new { app.Name, source = app.DisplaySource, app.Repository, isDefault = app == apps.Default })));

        api.MapGet("/apps/{name}/branches", async (string name, AppCatalog apps, IRemoteBranchLister lister, CancellationToken cancellationToken) =>
        {
            if (apps.Find(name) is not { } app)
            {
                return NotFound($"There is no app '{name}'.");
            }

            try
            {
                return HttpResults.Json(await lister.ListAsync(app.Source, cancellationToken));
            }
            catch (BranchListingException exception)
            {
                return HttpResults.Json(new { error = exception.Message }, statusCode: StatusCodes.Status502BadGateway);
            }
        });
    }

    private static IResult Problem(string error) => HttpResults.Json(new { error }, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NoSuchRun(string id) =>
        NotFound(SafeAddresses.IsRunId(id) ? $"There is no run {id}." : "There is no run with that id.");

    private static IResult NotFound(string error) => HttpResults.Json(new { error }, statusCode: StatusCodes.Status404NotFound);
}
