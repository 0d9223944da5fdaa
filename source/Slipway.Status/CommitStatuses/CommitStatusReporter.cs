namespace Slipway.Status.CommitStatuses;

/// <summary>
/// Reports each stage as a commit status (<c>slipway/&lt;stage&gt;</c>) on the run's commit, through the
/// publisher for the repository's provider. Only statuses that changed are posted, and nothing is posted
/// for a run once it is superseded.
/// </summary>
internal sealed class CommitStatusReporter(
    IReadOnlyDictionary<VcsProvider, ICommitStatusPublisher> publishers,
    RepositoryResolver repositoryResolver) : PerRunReporter<Dictionary<string, CommitStatus>>
{
    public override string Name => "Commit status";

    protected override async Task PublishAsync(
        RunStatus status, bool runFinished, Dictionary<string, CommitStatus> posted, CancellationToken cancellationToken)
    {
        var repository = repositoryResolver.Resolve(status);
        if (!publishers.TryGetValue(repository.Provider, out var publisher))
        {
            throw new StatusReportingException(
                $"Commit statuses for {repository} are not posted: {MissingCredentials(repository.Provider)}");
        }

        foreach (var stage in status.Stages)
        {
            var commitStatus = CommitStatusBuilder.Build(stage, status, runFinished);
            if (posted.TryGetValue(commitStatus.Context, out var last) && last == commitStatus)
            {
                continue;
            }

            await publisher.PublishAsync(repository, status.CommitSha, commitStatus, cancellationToken);
            posted[commitStatus.Context] = commitStatus;
        }
    }

    private static string MissingCredentials(VcsProvider provider) => provider == VcsProvider.GitHub
        ? "set GitHubToken (GITHUB_TOKEN) to a token that may write commit statuses."
        : "set BitbucketUsername and BitbucketAppPassword, or BitbucketAccessToken.";
}
