namespace Slipway.Git.Releases;

/// <summary>What applying a release did, or in a dry run would do.</summary>
/// <param name="Plan">The release applied.</param>
/// <param name="TagCreation">Creating the annotated tag in the repository.</param>
/// <param name="TagPush">Pushing the tag to the remote.</param>
/// <param name="Summary">One sentence for people, e.g. "Created tag v1.4.0 on 3f2a9c1 and pushed it to origin."</param>
public sealed record ReleaseOutcome(ReleasePlan Plan, ReleaseStepState TagCreation, ReleaseStepState TagPush, string Summary)
{
    /// <summary>True when the release was already complete: an earlier run did everything.</summary>
    public bool NothingToDo =>
        TagCreation is ReleaseStepState.AlreadyDone
        && TagPush is ReleaseStepState.AlreadyDone or ReleaseStepState.Skipped;
}
