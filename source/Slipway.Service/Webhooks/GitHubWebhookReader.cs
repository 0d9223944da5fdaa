using System.Text.Json;
using Slipway.Pipeline.Naming;
using Slipway.Service.Apps;
using Slipway.Service.Queue;
using static Slipway.Service.Webhooks.JsonFields;

namespace Slipway.Service.Webhooks;

/// <summary>
/// Maps GitHub deliveries to runs (see <see cref="PullRequestPolicy"/> for forks, approvals and long-lived branches):
/// <c>pull_request</c> opened, reopened or synchronize → PullRequest, closed → Teardown (and the merge commit's release
/// with releases on merge), labeled <c>slipway:trusted</c> on a fork's pull request → its PullRequest;
/// <c>pull_request_review</c> submitted with state approved → Approved when the reviewer may write; <c>ping</c> → pong;
/// anything else is ignored.
/// </summary>
public sealed class GitHubWebhookReader(AppCatalog apps, ServiceOptions options)
{
    /// <summary>The <c>author_association</c> values of people who may write to the repository.</summary>
    private static readonly string[] Writers = ["OWNER", "MEMBER", "COLLABORATOR"];

    private readonly PullRequestPolicy _policy = new(apps, options);

    /// <summary>What a verified delivery asks for (GitHub's deliveries say all that is needed: nothing is looked up).</summary>
    /// <exception cref="WebhookPayloadException">The payload lacks a field its event needs.</exception>
    public Task<WebhookDecision> ReadAsync(string eventName, string? deliveryId, JsonElement payload, CancellationToken cancellationToken) =>
        Task.FromResult(Read(eventName, deliveryId, payload));

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
                    "opened" or "reopened" or "synchronize" => _policy.Build(ReadPullRequest(eventName, deliveryId, payload)),
                    "closed" => _policy.Close(
                        ReadPullRequest(eventName, deliveryId, payload),
                        OptionalString(payload, "pull_request", "base", "ref"),
                        Merged(payload) ? MergeCommit(eventName, payload) : null),
                    "labeled" when OptionalString(payload, "label", "name") == PullRequestPolicy.TrustedLabel =>
                        _policy.Trust(ReadPullRequest(eventName, deliveryId, payload), $"the label '{PullRequestPolicy.TrustedLabel}'"),
                    _ => WebhookDecision.Ignore($"pull_request action '{action}' starts nothing"),
                };
            case "pull_request_review":
                var reviewAction = RequiredString(payload, eventName, "action");
                var state = OptionalString(payload, "review", "state");
                if (reviewAction != "submitted" || !string.Equals(state, "approved", StringComparison.OrdinalIgnoreCase))
                {
                    return WebhookDecision.Ignore($"pull_request_review '{reviewAction}' with state '{state}' starts nothing");
                }

                // The reviewed commit, not whatever the head is by now: an approval is of what the reviewer saw.
                var reviewed = OptionalString(payload, "review", "commit_id");
                var pullRequest = ReadPullRequest(eventName, deliveryId, payload);
                if (reviewed is not null)
                {
                    pullRequest = pullRequest with { Commit = WebhookRunFields.Commit(eventName, reviewed) };
                }

                var association = OptionalString(payload, "review", "author_association") ?? "NONE";
                return _policy.Approve(
                    pullRequest,
                    OptionalString(payload, "review", "user", "login") ?? "unknown",
                    Writers.Contains(association, StringComparer.OrdinalIgnoreCase),
                    $"GitHub says they are {association}, and only an OWNER, MEMBER or COLLABORATOR may write to '{pullRequest.Repository}'");
            default:
                return WebhookDecision.Ignore($"event '{eventName}' starts nothing");
        }
    }

    // Every field is checked before anything is decided, so a malformed delivery is refused whatever its repository.
    private static PullRequestEvent ReadPullRequest(string eventName, string? deliveryId, JsonElement payload)
    {
        var repository = RequiredString(payload, eventName, "repository", "full_name");
        // A deleted fork leaves head.repo null: its owner is still in head.label (owner:branch), and its code is still not ours.
        var source = OptionalString(payload, "pull_request", "head", "repo", "full_name") ?? HeadOwnerRepository(payload, repository);
        if (!RunIdentity.IsValidFork(source))
        {
            throw new WebhookPayloadException($"The {eventName} payload's head repository '{source}' is not a repository's full name.");
        }

        return new PullRequestEvent(
            RunTriggers.GitHub,
            repository,
            source,
            WebhookRunFields.Branch(eventName, RequiredString(payload, eventName, "pull_request", "head", "ref")),
            WebhookRunFields.Commit(eventName, RequiredString(payload, eventName, "pull_request", "head", "sha")),
            RequiredInt(payload, eventName, "pull_request", "number"),
            OptionalString(payload, "pull_request", "html_url"),
            OptionalString(payload, "repository", "default_branch"),
            deliveryId is null ? null : "github:" + deliveryId)
        {
            BaseBranch = WebhookRunFields.BaseBranch(eventName, OptionalString(payload, "pull_request", "base", "ref")),
        };
    }

    private static string HeadOwnerRepository(JsonElement payload, string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            return repository;
        }

        var label = OptionalString(payload, "pull_request", "head", "label");
        var owner = label?.Split(':')[0] is { Length: > 0 } labelOwner && label.Contains(':', StringComparison.Ordinal) ? labelOwner : "unknown";
        return string.Equals(owner, repository[..slash], StringComparison.OrdinalIgnoreCase) ? repository : $"{owner}/{repository[(slash + 1)..]}";
    }

    private static bool Merged(JsonElement payload) =>
        payload.TryGetProperty("pull_request", out var pullRequest) && pullRequest.ValueKind == JsonValueKind.Object
        && pullRequest.TryGetProperty("merged", out var merged) && merged.ValueKind == JsonValueKind.True;

    private static string? MergeCommit(string eventName, JsonElement payload) =>
        OptionalString(payload, "pull_request", "merge_commit_sha") is { } sha ? WebhookRunFields.Commit(eventName, sha) : null;
}
