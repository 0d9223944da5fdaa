using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slipway.Service.Queue;
using HttpResults = Microsoft.AspNetCore.Http.Results;

namespace Slipway.Service.Web;

/// <summary>
/// <c>GET /runs/{id}/screenshots/{name}</c>: a screenshot of the run's failing browser steps, from its report folder.
/// Behind the service token like the run page; <c>nosniff</c> so a browser never reads the bytes as anything but a PNG.
/// </summary>
public static class ScreenshotEndpoints
{
    /// <summary>Adds the screenshot route.</summary>
    public static void MapScreenshots(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/runs/{id}/screenshots/{name}", async (string id, string name, HttpContext context, RunQueue queue, CancellationToken cancellationToken) =>
        {
            var run = SafeAddresses.IsRunId(id) ? await queue.Store.FindAsync(id, cancellationToken) : null;
            if (RunScreenshots.Find(run?.ReportFolder, name) is not { } file)
            {
                return HttpResults.Text(
                    run is null ? "There is no run with that id." : $"Run {id} has no screenshot of that name: the run page lists its screenshots.",
                    statusCode: StatusCodes.Status404NotFound);
            }

            context.Response.Headers.XContentTypeOptions = "nosniff";
            // Screenshots can show what is behind the token: no shared cache may keep them.
            context.Response.Headers.CacheControl = "private, max-age=3600";
            return HttpResults.File(file, "image/png");
        });
    }
}
