using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Slipway.Status.Http;

namespace Slipway.Status.Slack;

/// <summary>
/// Posts one message per run to a Slack incoming webhook, when the run ends: a webhook cannot update what
/// it posted, so there is no message while the run goes on, and the failures go in the same message.
/// </summary>
internal sealed class SlackWebhookStatusReporter(HttpClient httpClient, DeliveryPolicy policy, Uri webhookUrl)
    : IRunStatusReporter
{
    private readonly RetryingRequestSender sender = new(httpClient, policy, "Slack webhook");

    public string Name => "Slack webhook";

    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        // A replaced run's news is the newer run's message.
        if (status.Superseded)
        {
            return;
        }

        var message = SlackMessageComposer.Compose(status);
        if (SlackMessageComposer.ComposeFailures(status) is { } failures)
        {
            var blocks = message["blocks"]!.AsArray();
            foreach (var block in failures["blocks"]!.AsArray().ToList())
            {
                blocks.Add(block!.DeepClone());
            }
        }

        var json = message.ToJsonString();
        var (code, body) = await sender.SendAsync(
            () => new HttpRequestMessage(HttpMethod.Post, webhookUrl)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            },
            "the run's message",
            cancellationToken);
        if (code != HttpStatusCode.OK)
        {
            // Webhook errors are a short plain-text word such as "invalid_payload" or "no_service".
            var error = body.Length is > 0 and <= 60 && body.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $" \"{body}\"" : "";
            throw new StatusReportingException(
                $"The Slack webhook refused the run's message (HTTP {(int)code}{error}): check SLACK_WEBHOOK_URL.");
        }
    }
}
