using Slipway.Pipeline.Naming;
using Slipway.Service.Apps;
using Slipway.Service.Execution;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Webhooks;

/// <summary>
/// Who a pull request's runs belong to and what they may do, the same for GitHub and Bitbucket (docs/service.md,
/// "Event → what Slipway does"):
/// <list type="bullet">
/// <item>a fork's pull request runs under the fork's own identity, and only once someone who may write to the app's
/// repository trusted its commit (the <c>slipway:trusted</c> label, or an approval that counts) — until then nothing of
/// it runs: no hook with secrets, no playground;</item>
/// <item>a release is only of a commit in the app's own repository, asked by someone who may write to it, at most once
/// per commit — or, with <see cref="ReleaseTrigger.Merge"/>, of the merge commit when the pull request is merged;</item>
/// <item>a long-lived branch is never torn down by a pull request's close.</item>
/// </list>
/// </summary>
internal sealed class PullRequestPolicy(AppCatalog apps, ServiceOptions options)
{
    /// <summary>The label that trusts a fork's pull request at the commit it is added on (GitHub).</summary>
    public const string TrustedLabel = "slipway:trusted";

    /// <summary>Opened, reopened, pushed to: a PullRequest run of the head commit; a fork's waits until trusted.</summary>
    public WebhookDecision Build(PullRequestEvent pullRequest, bool onlyWhenCommitChanged = false)
    {
        if (apps.ForRepository(pullRequest.Repository) is not { } app)
        {
            return WebhookDecision.Ignore(WebhookRunFields.NotConfigured(pullRequest.Repository));
        }

        return pullRequest.Fork is { } fork
            ? WebhookDecision.Ignore(WaitingForTrust(pullRequest, fork)) with { AwaitingTrust = Trust(pullRequest, "trust").Request }
            : WebhookDecision.Run(Request(PipelineNames.PullRequest, app, pullRequest, null) with { OnlyWhenCommitChanged = onlyWhenCommitChanged });
    }

    /// <summary>Someone who may write trusted the pull request's commit: a fork's pull request runs, under its own identity.</summary>
    public WebhookDecision Trust(PullRequestEvent pullRequest, string how)
    {
        if (apps.ForRepository(pullRequest.Repository) is not { } app)
        {
            return WebhookDecision.Ignore(WebhookRunFields.NotConfigured(pullRequest.Repository));
        }

        if (pullRequest.Fork is not { } fork)
        {
            return WebhookDecision.Ignore($"{how} changes nothing for a branch of '{pullRequest.Repository}' itself: its pull requests run without it");
        }

        if (pullRequest.Trigger == RunTriggers.Bitbucket && ForkCheckout.ForkSource(app.Source, pullRequest.Repository, fork) is null)
        {
            return WebhookDecision.Ignore(
                $"the fork '{fork}' cannot be fetched: Bitbucket keeps no pull request refs, and the --service-apps source of '{pullRequest.Repository}' does not end in its full name, so the fork's address cannot be derived from it");
        }

        return WebhookDecision.Run(Request(PipelineNames.PullRequest, app, pullRequest, fork));
    }

    /// <summary>
    /// An approval: from someone who may not write, nothing; of a fork's commit, trust (never a release); of the app's
    /// own commit, its release, once per commit — unless releases happen on merge.
    /// </summary>
    public WebhookDecision Approve(PullRequestEvent pullRequest, string approver, bool mayWrite, string whyNot)
    {
        if (apps.ForRepository(pullRequest.Repository) is not { } app)
        {
            return WebhookDecision.Ignore(WebhookRunFields.NotConfigured(pullRequest.Repository));
        }

        if (!mayWrite)
        {
            return WebhookDecision.Ignore($"the approval by '{approver}' counts for nothing: {whyNot}");
        }

        if (pullRequest.Fork is not null)
        {
            return Trust(pullRequest, $"the approval by '{approver}'");
        }

        if (options.ReleaseOn == ReleaseTrigger.Merge)
        {
            return WebhookDecision.Ignore("releases happen when a pull request is merged (--release-on merge), not on approval");
        }

        // The delivery id is the release's: a second approval of the same commit is answered as a duplicate of the first.
        return WebhookDecision.Run(Request(PipelineNames.Approved, app, pullRequest, null) with
        {
            DeliveryId = ReleaseKey(app, pullRequest.Commit),
        });
    }

    /// <summary>
    /// Closed, merged or declined: the teardown of the pull request's playground (never of a long-lived branch of the
    /// app's repository), and with <see cref="ReleaseTrigger.Merge"/> the release of the merge commit on the base branch.
    /// </summary>
    public WebhookDecision Close(PullRequestEvent pullRequest, string? baseBranch, string? mergeCommit)
    {
        if (apps.ForRepository(pullRequest.Repository) is not { } app)
        {
            return WebhookDecision.Ignore(WebhookRunFields.NotConfigured(pullRequest.Repository));
        }

        var requests = new List<RunRequest>();
        var longLived = pullRequest.Fork is null && options.IsLongLived(pullRequest.Branch, pullRequest.DefaultBranch);
        if (!longLived)
        {
            requests.Add(Request(PipelineNames.Teardown, app, pullRequest, pullRequest.Fork) with { Commit = null });
        }

        if (options.ReleaseOn == ReleaseTrigger.Merge && mergeCommit is not null && baseBranch is not null)
        {
            requests.Add(Request(PipelineNames.Approved, app, pullRequest, null) with
            {
                Branch = baseBranch,
                Commit = mergeCommit,
                DeliveryId = ReleaseKey(app, mergeCommit),
            });
        }

        return WebhookDecision.Runs(requests, $"'{pullRequest.Branch}' is a long-lived branch (--long-lived-branches): closing a pull request from it tears nothing down");
    }

    private static RunRequest Request(string pipeline, KnownApp app, PullRequestEvent pullRequest, string? fork) => new(
        pipeline,
        app.Name,
        app.Source,
        new RunIdentity(app.Name, pullRequest.Branch, fork).Key,
        pullRequest.Commit,
        pullRequest.Repository,
        pullRequest.Number,
        pullRequest.Url,
        pullRequest.Trigger,
        pullRequest.DeliveryId)
    {
        BaseBranch = pullRequest.BaseBranch,
    };

    private static string ReleaseKey(KnownApp app, string commit) => $"release:{app.Name}:{commit.ToLowerInvariant()}";

    private static string WaitingForTrust(PullRequestEvent pullRequest, string fork) =>
        pullRequest.Trigger == RunTriggers.GitHub
            ? $"the pull request comes from the fork '{fork}': it runs once someone who may write to '{pullRequest.Repository}' adds the label '{TrustedLabel}' or approves it, or trusts it on the forks page, for the commit they saw"
            : $"the pull request comes from the fork '{fork}': it runs once someone who may write to '{pullRequest.Repository}' approves it, or trusts it on the forks page, for the commit they saw";
}
