using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using HttpResults = Microsoft.AspNetCore.Http.Results;
using Microsoft.AspNetCore.Routing;
using Slipway.Service.Metrics;
using Slipway.Service.Queue;

namespace Slipway.Service.Webhooks;

/// <summary>
/// <c>POST /hooks/github</c> and <c>POST /hooks/bitbucket</c>: signature first (401, nothing stored), then JSON
/// (400), then the event: a run is stored before the answer (202 with its id), a repeated delivery id is answered
/// with the first run's id (200, nothing stored), an event Slipway does not act on is answered and ignored (200).
/// </summary>
public static class WebhookEndpoints
{
    /// <summary>GitHub sends at most 25 MB; pull request payloads are far smaller.</summary>
    private const int MaxBody = 25 * 1024 * 1024;

    /// <summary>Adds the two webhook endpoints.</summary>
    public static void MapWebhooks(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/hooks/github", (HttpContext context, ServiceOptions options, GitHubWebhookReader reader, RunQueue queue, ForkTrustWaitlist forks, ServiceMetrics metrics) =>
            HandleAsync(context, new Delivery(
                "github", options.GitHubWebhookSecret, "GITHUB_WEBHOOK_SECRET", "X-Hub-Signature-256", "X-GitHub-Event",
                reader.ReadAsync), queue, forks, metrics));
        routes.MapPost("/hooks/bitbucket", (HttpContext context, ServiceOptions options, BitbucketWebhookReader reader, RunQueue queue, ForkTrustWaitlist forks, ServiceMetrics metrics) =>
            HandleAsync(context, new Delivery(
                "bitbucket", options.BitbucketWebhookSecret, "BITBUCKET_WEBHOOK_SECRET", "X-Hub-Signature", "X-Event-Key",
                reader.ReadAsync), queue, forks, metrics));
    }

    private static async Task<IResult> HandleAsync(HttpContext context, Delivery delivery, RunQueue queue, ForkTrustWaitlist forks, ServiceMetrics metrics)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBody)
        {
            metrics.CountWebhook(delivery.Provider, "too-large");
            return Answer(StatusCodes.Status413PayloadTooLarge, $"The payload is larger than {MaxBody / 1024 / 1024} MB.");
        }

        if (string.IsNullOrEmpty(delivery.Secret))
        {
            metrics.CountWebhook(delivery.Provider, "unauthorized");
            return Answer(StatusCodes.Status401Unauthorized, $"This Slipway has no {delivery.SecretVariable} set, so it cannot check the signature: set it to the webhook's secret.");
        }

        // A delivery without a well-formed signature cannot be genuine: refused before a byte of its body is read.
        var header = request.Headers[delivery.SignatureHeader].FirstOrDefault();
        if (string.IsNullOrEmpty(header))
        {
            metrics.CountWebhook(delivery.Provider, "unauthorized");
            return Answer(StatusCodes.Status401Unauthorized, $"The delivery has no {delivery.SignatureHeader} header: set a secret in the webhook's settings, the same as {delivery.SecretVariable}.");
        }

        var signature = new byte[32];
        if (!WebhookSignature.TryRead(header, signature))
        {
            metrics.CountWebhook(delivery.Provider, "unauthorized");
            return Answer(StatusCodes.Status401Unauthorized, $"The delivery has no {delivery.SignatureHeader} signature of the form sha256=<64 hex digits>: check the webhook's secret.");
        }

        var (verified, tooLarge) = await VerifiedBody.ReadAsync(request.Body, delivery.Secret, signature, MaxBody, context.RequestAborted);
        if (tooLarge)
        {
            metrics.CountWebhook(delivery.Provider, "too-large");
            return Answer(StatusCodes.Status413PayloadTooLarge, $"The payload is larger than {MaxBody / 1024 / 1024} MB.");
        }

        if (verified is null)
        {
            metrics.CountWebhook(delivery.Provider, "unauthorized");
            return Answer(StatusCodes.Status401Unauthorized, $"The {delivery.SignatureHeader} signature does not match the payload: check the webhook's secret.");
        }

        await using var body = verified;
        var eventName = request.Headers[delivery.EventHeader].FirstOrDefault();
        if (string.IsNullOrWhiteSpace(eventName))
        {
            metrics.CountWebhook(delivery.Provider, "malformed");
            return Answer(StatusCodes.Status400BadRequest, $"The delivery has no {delivery.EventHeader} header.");
        }

        WebhookDecision decision;
        try
        {
            // GitHub's form posts application/x-www-form-urlencoded (payload=<json>) unless told otherwise; the signature
            // above covers the form body as it came.
            await using var json = await FormPayload.JsonOfAsync(request.ContentType, body.Open(), context.RequestAborted);
            using var document = await JsonDocument.ParseAsync(json, cancellationToken: context.RequestAborted);

            // Repeats are recognised by the signed body, not by the id header, which anyone replaying a delivery can change.
            decision = await delivery.Read(eventName, Convert.ToHexStringLower(body.Digest), document.RootElement, context.RequestAborted);
        }
        catch (JsonException)
        {
            metrics.CountWebhook(delivery.Provider, "malformed");
            return Answer(StatusCodes.Status400BadRequest, "The payload is not valid JSON: set the webhook's content type to application/json.");
        }
        catch (WebhookPayloadException exception)
        {
            metrics.CountWebhook(delivery.Provider, "malformed");
            return Answer(StatusCodes.Status400BadRequest, exception.Message);
        }

        if (decision.IsPing)
        {
            metrics.CountWebhook(delivery.Provider, "ping");
            return HttpResults.Json(new { status = "pong" });
        }

        if (decision.AwaitingTrust is { } waiting)
        {
            forks.Wait(waiting);
        }

        foreach (var settled in decision.Requests)
        {
            forks.Settle(settled);
        }

        if (decision.Request is null)
        {
            metrics.CountWebhook(delivery.Provider, "ignored");
            return HttpResults.Json(new { status = "ignored", reason = decision.IgnoredBecause });
        }

        var results = new List<EnqueueResult>();
        foreach (var runRequest in decision.Requests)
        {
            results.Add(await queue.EnqueueAsync(runRequest, CancellationToken.None));
        }

        // The first run is the delivery's answer; a further one (a release on merge) is listed with it.
        var result = results[0];
        var also = results.Skip(1).Where(each => !each.Duplicate).Select(each => new { runId = each.Run.Id, pipeline = each.Run.Request.Pipeline }).ToList();
        if (result.Unchanged)
        {
            metrics.CountWebhook(delivery.Provider, "ignored");
            return HttpResults.Json(new { status = "ignored", reason = $"the source commit is the one run {result.Run.Id} already built", runId = result.Run.Id });
        }

        if (result.Duplicate && also.Count == 0)
        {
            metrics.CountWebhook(delivery.Provider, "duplicate");
            return HttpResults.Json(new { status = "duplicate", runId = result.Run.Id });
        }

        metrics.CountWebhook(delivery.Provider, "accepted");
        return HttpResults.Json(
            new { status = "queued", runId = result.Run.Id, pipeline = result.Run.Request.Pipeline, superseded = result.SupersededQueued.Concat(result.SupersededRunning), also },
            statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult Answer(int status, string error) => HttpResults.Json(new { error }, statusCode: status);

    private sealed record Delivery(
        string Provider,
        string? Secret,
        string SecretVariable,
        string SignatureHeader,
        string EventHeader,
        Func<string, string?, JsonElement, CancellationToken, Task<WebhookDecision>> Read);
}
