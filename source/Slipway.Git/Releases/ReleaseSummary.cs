namespace Slipway.Git.Releases;

/// <summary>The one sentence that tells people what a release run did or would do.</summary>
internal static class ReleaseSummary
{
    public static string Of(ReleaseOutcome outcome, string? remote)
    {
        var plan = outcome.Plan;
        var where = CredentialRedactor.Redact(remote ?? string.Empty);
        if (outcome.NothingToDo)
        {
            return outcome.TagPush == ReleaseStepState.AlreadyDone
                ? $"{plan.Tag} is already released on {plan.ShortCommit} and on {where}: nothing to do."
                : $"{plan.Tag} is already released on {plan.ShortCommit}: nothing to do.";
        }

        var tag = outcome.TagCreation switch
        {
            ReleaseStepState.Done => $"Created tag {plan.Tag} on {plan.ShortCommit}",
            ReleaseStepState.WouldDo => $"Dry run: would create tag {plan.Tag} on {plan.ShortCommit}",
            _ => $"{(outcome.TagPush == ReleaseStepState.WouldDo ? "Dry run: tag" : "Tag")} {plan.Tag} was already on {plan.ShortCommit}",
        };
        var push = outcome.TagPush switch
        {
            ReleaseStepState.Done => $" and pushed it to {where}",
            ReleaseStepState.WouldDo => $" and would push it to {where}",
            ReleaseStepState.AlreadyDone => $" ({where} already has it)",
            _ => " (kept local: no remote given)",
        };
        var dryRun = outcome.TagCreation == ReleaseStepState.WouldDo || outcome.TagPush == ReleaseStepState.WouldDo
            ? "; nothing was changed"
            : string.Empty;
        return $"{tag}{push}{dryRun}.";
    }
}
