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
                    "opened" or "reopened" or "synchronize" => Decide(PipelineNames.PullRequest, eventName, deliveryId, payload),
                    "closed" => Decide(PipelineNames.Teardown, eventName, deliveryId, payload),
                    _ => WebhookDecision.Ignore($"pull_request action '{action}' starts nothing"),
                };
            case "pull_request_review":
                var reviewAction = RequiredString(payload, eventName, "action");
                var state = OptionalString(payload, "review", "state");
                return reviewAction == "submitted" && string.Equals(state, "approved", StringComparison.OrdinalIgnoreCase)
                    ? Decide(PipelineNames.Approved, eventName, deliveryId, payload)
                    : WebhookDecision.Ignore($"pull_request_review '{reviewAction}' with state '{state}' starts nothing");
            default:
                return WebhookDecision.Ignore($"event '{eventName}' starts nothing");
        }
    }

    private WebhookDecision Decide(string pipeline, string eventName, string? deliveryId, JsonElement payload)
    {
        // Every field is checked before anything is decided, so a malformed delivery is refused whatever its repository.
        var repository = RequiredString(payload, eventName, "repository", "full_name");
        var branch = WebhookRunFields.Branch(eventName, RequiredString(payload, eventName, "pull_request", "head", "ref"));
        var commit = WebhookRunFields.Commit(eventName, RequiredString(payload, eventName, "pull_request", "head", "sha"));
        var headRepository = OptionalString(payload, "pull_request", "head", "repo", "full_name");
        if (apps.ForRepository(repository) is not { } app)
        {
            return WebhookDecision.Ignore(WebhookRunFields.NotConfigured(repository));
        }

        if (headRepository is not null && !string.Equals(headRepository, repository, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookDecision.Ignore(WebhookRunFields.FromFork(headRepository, repository));
        }

        return WebhookDecision.Run(new RunRequest(
            pipeline,
            app.Name,
            app.Source,
            branch,
            pipeline == PipelineNames.Teardown ? null : commit,
            repository,
            RequiredInt(payload, eventName, "pull_request", "number"),
            OptionalString(payload, "pull_request", "html_url"),
            RunTriggers.GitHub,
            deliveryId is null ? null : "github:" + deliveryId));
    }
}
