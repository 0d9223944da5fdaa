using System.Text.Json;
using Slipway.Service.Apps;
using Slipway.Service.Queue;
using static Slipway.Service.Webhooks.JsonFields;

namespace Slipway.Service.Webhooks;

/// <summary>
/// Maps Bitbucket Cloud deliveries (X-Event-Key) to runs: <c>pullrequest:created</c> and <c>pullrequest:updated</c> →
/// PullRequest, <c>pullrequest:approved</c> → Approved, <c>pullrequest:fulfilled</c> and <c>pullrequest:rejected</c> →
/// Teardown; anything else is ignored.
/// </summary>
public sealed class BitbucketWebhookReader(AppCatalog apps)
{
    /// <summary>What a verified delivery asks for.</summary>
    /// <exception cref="WebhookPayloadException">The payload lacks a field its event needs.</exception>
    public WebhookDecision Read(string eventKey, string? requestId, JsonElement payload) => eventKey switch
    {
        "pullrequest:created" or "pullrequest:updated" => Decide(PipelineNames.PullRequest, eventKey, requestId, payload),
        "pullrequest:approved" => Decide(PipelineNames.Approved, eventKey, requestId, payload),
        "pullrequest:fulfilled" or "pullrequest:rejected" => Decide(PipelineNames.Teardown, eventKey, requestId, payload),
        _ => WebhookDecision.Ignore($"event '{eventKey}' starts nothing"),
    };

    private WebhookDecision Decide(string pipeline, string eventKey, string? requestId, JsonElement payload)
    {
        // Every field is checked before anything is decided, so a malformed delivery is refused whatever its repository.
        var repository = RequiredString(payload, eventKey, "repository", "full_name");
        var branch = WebhookRunFields.Branch(eventKey, RequiredString(payload, eventKey, "pullrequest", "source", "branch", "name"));
        var commit = WebhookRunFields.Commit(eventKey, RequiredString(payload, eventKey, "pullrequest", "source", "commit", "hash"));
        var sourceRepository = OptionalString(payload, "pullrequest", "source", "repository", "full_name");
        if (apps.ForRepository(repository) is not { } app)
        {
            return WebhookDecision.Ignore(WebhookRunFields.NotConfigured(repository));
        }

        if (sourceRepository is not null && !string.Equals(sourceRepository, repository, StringComparison.OrdinalIgnoreCase))
        {
            return WebhookDecision.Ignore(WebhookRunFields.FromFork(sourceRepository, repository));
        }

        return WebhookDecision.Run(new RunRequest(
            pipeline,
            app.Name,
            app.Source,
            branch,
            pipeline == PipelineNames.Teardown ? null : commit,
            repository,
            RequiredInt(payload, eventKey, "pullrequest", "id"),
            OptionalString(payload, "pullrequest", "links", "html", "href"),
            RunTriggers.Bitbucket,
            requestId is null ? null : "bitbucket:" + requestId));
    }
}
