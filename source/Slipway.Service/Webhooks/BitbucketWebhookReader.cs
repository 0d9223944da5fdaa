using System.Text.Json;
using Slipway.Pipeline.Naming;
using Slipway.Service.Apps;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;
using Slipway.Status.Bitbucket;
using static Slipway.Service.Webhooks.JsonFields;

namespace Slipway.Service.Webhooks;

/// <summary>
/// Maps Bitbucket Cloud deliveries (X-Event-Key) to runs (see <see cref="PullRequestPolicy"/> for forks, approvals and
/// long-lived branches): <c>pullrequest:created</c> → PullRequest, <c>pullrequest:updated</c> → PullRequest only when the
/// source commit changed, <c>pullrequest:approved</c> by an account in the approvers list → Approved (a fork's: its
/// PullRequest), <c>pullrequest:fulfilled</c> and <c>pullrequest:rejected</c> → Teardown; anything else is ignored.
/// An approver not in the list counts when Bitbucket's API says they may write (<paramref name="permissions"/>).
/// </summary>
/// <param name="permissions">Asks Bitbucket who may write; null when the service has no Bitbucket credentials.</param>
/// <param name="log">Where a failed lookup is written, beside the delivery's answer.</param>
public sealed class BitbucketWebhookReader(AppCatalog apps, ServiceOptions options, BitbucketPermissionLookup? permissions = null, ServiceLog? log = null)
{
    private readonly PullRequestPolicy _policy = new(apps, options);

    /// <summary>
    /// What a verified delivery asks for; an approval by someone not in --bitbucket-approvers is looked up in
    /// Bitbucket's permissions first (write or admin counts; an error refuses it, never allows it).
    /// </summary>
    /// <exception cref="WebhookPayloadException">The payload lacks a field its event needs.</exception>
    public async Task<WebhookDecision> ReadAsync(string eventKey, string? requestId, JsonElement payload, CancellationToken cancellationToken)
    {
        if (eventKey != "pullrequest:approved" || permissions is null)
        {
            return Read(eventKey, requestId, payload);
        }

        var pullRequest = ReadPullRequest(eventKey, requestId, payload);
        var uuid = OptionalString(payload, "approval", "user", "uuid");
        if (uuid is null || IsListed(payload) || apps.ForRepository(pullRequest.Repository) is null)
        {
            return Read(eventKey, requestId, payload);
        }

        var approver = OptionalString(payload, "approval", "user", "display_name") ?? uuid;
        try
        {
            var permission = await permissions.PermissionOfAsync(pullRequest.Repository, uuid, cancellationToken);
            return _policy.Approve(pullRequest, approver, permission is "write" or "admin", $"Bitbucket says their permission on '{pullRequest.Repository}' is {permission}, and only write or admin counts");
        }
        catch (BitbucketPermissionException exception)
        {
            log?.Warning($"The approval by '{approver}' of pull request #{pullRequest.Number} of {pullRequest.Repository} was refused: {exception.Message}");
            return _policy.Approve(pullRequest, approver, mayWrite: false, $"Slipway could not ask Bitbucket whether they may write. {exception.Message}");
        }
    }

    /// <summary>What a verified delivery asks for.</summary>
    /// <exception cref="WebhookPayloadException">The payload lacks a field its event needs.</exception>
    public WebhookDecision Read(string eventKey, string? requestId, JsonElement payload) => eventKey switch
    {
        "pullrequest:created" => _policy.Build(ReadPullRequest(eventKey, requestId, payload)),
        // Sent for title, description and reviewer edits too: only a new source commit is worth a run.
        "pullrequest:updated" => _policy.Build(ReadPullRequest(eventKey, requestId, payload), onlyWhenCommitChanged: true),
        "pullrequest:approved" => Approve(eventKey, ReadPullRequest(eventKey, requestId, payload), payload),
        "pullrequest:fulfilled" => _policy.Close(
            ReadPullRequest(eventKey, requestId, payload),
            OptionalString(payload, "pullrequest", "destination", "branch", "name"),
            OptionalString(payload, "pullrequest", "merge_commit", "hash") is { } merge ? WebhookRunFields.Commit(eventKey, merge) : null),
        "pullrequest:rejected" => _policy.Close(ReadPullRequest(eventKey, requestId, payload), null, null),
        _ => WebhookDecision.Ignore($"event '{eventKey}' starts nothing"),
    };

    private WebhookDecision Approve(string eventKey, PullRequestEvent pullRequest, JsonElement payload)
    {
        var uuid = OptionalString(payload, "approval", "user", "uuid");
        var accountId = OptionalString(payload, "approval", "user", "account_id");
        var approver = OptionalString(payload, "approval", "user", "display_name") ?? uuid ?? accountId
            ?? throw new WebhookPayloadException($"The {eventKey} payload has no approval.user.");
        var mayWrite = IsListed(payload);
        return _policy.Approve(
            pullRequest,
            approver,
            mayWrite,
            options.BitbucketApprovers.Count == 0
                ? "Bitbucket does not say who may write, and --bitbucket-approvers lists no one"
                : $"their account ({uuid ?? accountId}) is not in --bitbucket-approvers");
    }

    private bool IsListed(JsonElement payload) =>
        new[] { OptionalString(payload, "approval", "user", "uuid"), OptionalString(payload, "approval", "user", "account_id") }
            .Any(id => id is not null && options.BitbucketApprovers.Contains(id, StringComparer.OrdinalIgnoreCase));

    // Every field is checked before anything is decided, so a malformed delivery is refused whatever its repository.
    private static PullRequestEvent ReadPullRequest(string eventKey, string? requestId, JsonElement payload)
    {
        // Without it nobody can tell a fork from the repository's own branch: refused rather than guessed.
        var source = RequiredString(payload, eventKey, "pullrequest", "source", "repository", "full_name");
        if (!RunIdentity.IsValidFork(source))
        {
            throw new WebhookPayloadException($"The {eventKey} payload's source repository '{source}' is not a repository's full name.");
        }

        return new PullRequestEvent(
            RunTriggers.Bitbucket,
            RequiredString(payload, eventKey, "repository", "full_name"),
            source,
            WebhookRunFields.Branch(eventKey, RequiredString(payload, eventKey, "pullrequest", "source", "branch", "name")),
            WebhookRunFields.Commit(eventKey, RequiredString(payload, eventKey, "pullrequest", "source", "commit", "hash")),
            RequiredInt(payload, eventKey, "pullrequest", "id"),
            OptionalString(payload, "pullrequest", "links", "html", "href"),
            null,
            requestId is null ? null : "bitbucket:" + requestId)
        {
            BaseBranch = WebhookRunFields.BaseBranch(eventKey, OptionalString(payload, "pullrequest", "destination", "branch", "name")),
        };
    }
}
