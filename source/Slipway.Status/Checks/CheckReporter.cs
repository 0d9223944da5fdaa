using Slipway.Status.CommitStatuses;

namespace Slipway.Status.Checks;

/// <summary>
/// Reports each stage as a check on the run's commit (a GitHub check run or a Bitbucket Code Insights report): in
/// progress when it starts, its verdict when it ends, and when the run ends its summary, the run report and the new
/// failing tests and findings as annotations. Only checks that changed are posted, nothing once the run is superseded.
/// </summary>
internal sealed class CheckReporter(
    IReadOnlyDictionary<VcsProvider, ICheckPublisher> publishers,
    RepositoryResolver repositoryResolver) : PerRunReporter<CheckReporter.PostedChecks>
{
    public override string Name => "Checks";

    protected override async Task PublishAsync(RunStatus status, bool runFinished, PostedChecks posted, CancellationToken cancellationToken)
    {
        var repository = repositoryResolver.Resolve(status);
        if (!publishers.TryGetValue(repository.Provider, out var publisher))
        {
            return;
        }

        // A stage still waiting has nothing to show yet: its check appears when it starts.
        foreach (var stage in status.Stages.Where(stage => stage.State != StageState.Pending || runFinished))
        {
            var check = StageCheckBuilder.Build(stage, status, runFinished);
            var shown = (check.State, check.Title, check.Final, check.DetailsUrl);
            if (posted.Shown.TryGetValue(check.Stage, out var last) && last == shown)
            {
                continue;
            }

            posted.Ids[check.Stage] = await publisher.PublishAsync(
                repository, status.CommitSha, check, posted.Ids.GetValueOrDefault(check.Stage), cancellationToken);
            posted.Shown[check.Stage] = shown;
        }
    }

    /// <summary>What one run's checks show and their ids at the provider, so later snapshots update them.</summary>
    internal sealed class PostedChecks
    {
        public Dictionary<string, (StageState, string, bool, Uri?)> Shown { get; } = [];

        public Dictionary<string, string> Ids { get; } = [];
    }
}
