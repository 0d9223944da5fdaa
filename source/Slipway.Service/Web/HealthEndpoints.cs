using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Slipway.Service.Metrics;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Web;

/// <summary><c>/healthz</c> (the store answers) and <c>/metrics</c> (Prometheus text).</summary>
public static class HealthEndpoints
{
    /// <summary>Adds /healthz and /metrics.</summary>
    public static void MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", async (RunQueue queue, CancellationToken cancellationToken) =>
        {
            try
            {
                var counts = await queue.Store.CountByStateAsync(cancellationToken);
                return HttpResults.Json(new { status = "ok", queued = counts[RunState.Queued], running = counts[RunState.Running] });
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                return HttpResults.Json(new { status = "unhealthy", error = "The run store does not answer: " + exception.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        routes.MapGet("/metrics", async (RunQueue queue, ActiveRuns active, ServiceMetrics metrics, CancellationToken cancellationToken) =>
            HttpResults.Text(PrometheusText.Write(await queue.Store.CountByStateAsync(cancellationToken), active.Count, metrics), PrometheusText.ContentType));
    }
}
