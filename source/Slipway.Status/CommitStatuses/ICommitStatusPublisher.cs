namespace Slipway.Status.CommitStatuses;

/// <summary>Posts commit statuses to one provider's API.</summary>
internal interface ICommitStatusPublisher
{
    VcsProvider Provider { get; }

    Task PublishAsync(RepositoryCoordinates repository, string commitSha, CommitStatus status, CancellationToken cancellationToken);
}
