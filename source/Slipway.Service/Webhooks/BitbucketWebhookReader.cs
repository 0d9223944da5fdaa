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
        "pullrequest:created" or "pullrequest:updated" => WebhookDecision.Run(Request(PipelineNames.PullRequest, eventKey, requestId, payload)),
        "pullrequest:approved" => WebhookDecision.Run(Request(PipelineNames.Approved, eventKey, requestId, payload)),
        "pullrequest:fulfilled" or "pullrequest:rejected" => WebhookDecision.Run(Request(PipelineNames.Teardown, eventKey, requestId, payload) with { Commit = null }),
        _ => WebhookDecision.Ignore($"event '{eventKey}' starts nothing"),
    };

    private RunRequest Request(string pipeline, string eventKey, string? requestId, JsonElement payload)
    {
        var repository = RequiredString(payload, eventKey, "repository", "full_name");
        // Bitbucket's payload has no clone URL: the repository's web address with .git is one.
        var web = OptionalString(payload, "repository", "links", "html", "href") ?? $"https://bitbucket.org/{repository}";
        KnownApp app;
        try
        {
            app = apps.ForRepository(repository, web.TrimEnd('/') + ".git");
        }
        catch (ServiceSettingsException exception)
        {
            throw new WebhookPayloadException(exception.Message);
        }

        return new RunRequest(
            pipeline,
            app.Name,
            app.Source,
            RequiredString(payload, eventKey, "pullrequest", "source", "branch", "name"),
            RequiredString(payload, eventKey, "pullrequest", "source", "commit", "hash"),
            repository,
            RequiredInt(payload, eventKey, "pullrequest", "id"),
            OptionalString(payload, "pullrequest", "links", "html", "href"),
            RunTriggers.Bitbucket,
            requestId is null ? null : "bitbucket:" + requestId);
    }
}
