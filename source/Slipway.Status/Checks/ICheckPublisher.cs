namespace Slipway.Status.Checks;

/// <summary>Posts a stage's check to one provider (GitHub check runs, Bitbucket Code Insights).</summary>
internal interface ICheckPublisher
{
    VcsProvider Provider { get; }

    /// <summary>
    /// Creates the stage's check on the commit (<paramref name="checkId"/> null) or updates it; a final check also gets
    /// its annotations, batched to the provider's limit per request. Returns the check's id for the next update.
    /// </summary>
    Task<string> PublishAsync(
        RepositoryCoordinates repository, string commitSha, StageCheck check, string? checkId, CancellationToken cancellationToken);
}
