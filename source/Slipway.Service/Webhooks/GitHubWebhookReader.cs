using System.Text.Json;
using Slipway.Service.Apps;
using Slipway.Service.Queue;
using static Slipway.Service.Webhooks.JsonFields;

namespace Slipway.Service.Webhooks;

/// <summary>
/// Maps GitHub deliveries to runs: <c>pull_request</c> opened, reopened or synchronize → PullRequest, closed →
/// Teardown; <c>pull_request_review</c> submitted with state approved → Approved; <c>ping</c> → pong; anything else
/// is ignored.
/// </summary>
public sealed class GitHubWebhookReader(AppCatalog apps)
{
    /// <summary>What a verified delivery asks for.</summary>
    /// <exception cref="WebhookPayloadException">The payload lacks a field its event needs.</exception>
    public WebhookDecision Read(string eventName, string? deliveryId, JsonElement payload)
    {
        switch (eventName)
        {
            case "ping":
                return WebhookDecision.Ping();
            case "pull_request":
                var action = RequiredString(payload, eventName, "action");
                return action switch
                {
                    "opened" or "reopened" or "synchronize" => WebhookDecision.Run(Request(PipelineNames.PullRequest, eventName, deliveryId, payload)),
                    "closed" => WebhookDecision.Run(Request(PipelineNames.Teardown, eventName, deliveryId, payload) with { Commit = null }),
                    _ => WebhookDecision.Ignore($"pull_request action '{action}' starts nothing"),
                };
            case "pull_request_review":
                var reviewAction = RequiredString(payload, eventName, "action");
                var state = OptionalString(payload, "review", "state");
                return reviewAction == "submitted" && string.Equals(state, "approved", StringComparison.OrdinalIgnoreCase)
                    ? WebhookDecision.Run(Request(PipelineNames.Approved, eventName, deliveryId, payload))
                    : WebhookDecision.Ignore($"pull_request_review '{reviewAction}' with state '{state}' starts nothing");
            default:
                return WebhookDecision.Ignore($"event '{eventName}' starts nothing");
        }
    }

    private RunRequest Request(string pipeline, string eventName, string? deliveryId, JsonElement payload)
    {
        var repository = RequiredString(payload, eventName, "repository", "full_name");
        var cloneUrl = OptionalString(payload, "pull_request", "head", "repo", "clone_url")
            ?? RequiredString(payload, eventName, "repository", "clone_url");
        KnownApp app;
        try
        {
            app = apps.ForRepository(repository, cloneUrl);
        }
        catch (ServiceSettingsException exception)
        {
            throw new WebhookPayloadException(exception.Message);
        }

        return new RunRequest(
            pipeline,
            app.Name,
            app.Source,
            RequiredString(payload, eventName, "pull_request", "head", "ref"),
            RequiredString(payload, eventName, "pull_request", "head", "sha"),
            repository,
            RequiredInt(payload, eventName, "pull_request", "number"),
            OptionalString(payload, "pull_request", "html_url"),
            RunTriggers.GitHub,
            deliveryId is null ? null : "github:" + deliveryId);
    }
}
