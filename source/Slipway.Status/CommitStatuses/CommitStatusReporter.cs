using System.Collections.Concurrent;

namespace Slipway.Status.CommitStatuses;

/// <summary>
/// Reports each stage as a commit status (<c>slipway/&lt;stage&gt;</c>) on the run's commit, through the
/// publisher for the repository's provider. Only statuses that changed are posted, and nothing is posted
/// for a run once it is superseded.
/// </summary>
internal sealed class CommitStatusReporter(
    IReadOnlyDictionary<VcsProvider, ICommitStatusPublisher> publishers,
    RepositoryResolver repositoryResolver) : IRunStatusReporter
{
    private readonly ConcurrentDictionary<string, PostedStatuses> runs = new();

    public string Name => "Commit status";

    public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) =>
        PublishAsync(status, runFinished: false, cancellationToken);

    public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) =>
        PublishAsync(status, runFinished: false, cancellationToken);

    public async Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
    {
        try
        {
            await PublishAsync(status, runFinished: true, cancellationToken);
        }
        finally
        {
            runs.TryRemove(status.RunId, out _);
        }
    }

    private async Task PublishAsync(RunStatus status, bool runFinished, CancellationToken cancellationToken)
    {
        var run = runs.GetOrAdd(status.RunId, _ => new PostedStatuses());
        await run.Gate.WaitAsync(cancellationToken);
        try
        {
            // Sticky: a late snapshot without the flag must not post the stop of a replaced run.
            run.Superseded |= status.Superseded;
            if (run.Superseded)
            {
                return;
            }

            var repository = repositoryResolver.Resolve(status);
            if (!publishers.TryGetValue(repository.Provider, out var publisher))
            {
                throw new StatusReportingException(
                    $"Commit statuses for {repository} are not posted: {MissingCredentials(repository.Provider)}");
            }

            foreach (var stage in status.Stages)
            {
                var commitStatus = CommitStatusBuilder.Build(stage, status, runFinished);
                if (run.Posted.TryGetValue(commitStatus.Context, out var posted) && posted == commitStatus)
                {
                    continue;
                }

                await publisher.PublishAsync(repository, status.CommitSha, commitStatus, cancellationToken);
                run.Posted[commitStatus.Context] = commitStatus;
            }
        }
        finally
        {
            run.Gate.Release();
        }
    }

    private static string MissingCredentials(VcsProvider provider) => provider == VcsProvider.GitHub
        ? "set GitHubToken (GITHUB_TOKEN) to a token that may write commit statuses."
        : "set BitbucketUsername and BitbucketAppPassword, or BitbucketAccessToken.";

    private sealed class PostedStatuses
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, CommitStatus> Posted { get; } = [];

        public bool Superseded { get; set; }
    }
}
