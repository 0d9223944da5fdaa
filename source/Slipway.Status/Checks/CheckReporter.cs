using System.Collections.Concurrent;
using Slipway.Status.CommitStatuses;

namespace Slipway.Status.Checks;

/// <summary>
/// Reports each stage as a check on the run's commit (a GitHub check run or a Bitbucket Code Insights report): in
/// progress when it starts, its verdict when it ends, and when the run ends its summary, the run report and the new
/// failing tests and findings as annotations. Only checks that changed are posted, nothing once the run is superseded.
/// </summary>
internal sealed class CheckReporter(
    IReadOnlyDictionary<VcsProvider, ICheckPublisher> publishers,
    RepositoryResolver repositoryResolver) : IRunStatusReporter
{
    private readonly ConcurrentDictionary<string, RunChecks> runs = new();

    public string Name => "Checks";

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
        var run = runs.GetOrAdd(status.RunId, _ => new RunChecks());
        await run.Gate.WaitAsync(cancellationToken);
        try
        {
            run.Superseded |= status.Superseded;
            if (run.Superseded)
            {
                return;
            }

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
                if (run.Posted.TryGetValue(check.Stage, out var posted) && posted == shown)
                {
                    continue;
                }

                run.Ids[check.Stage] = await publisher.PublishAsync(
                    repository, status.CommitSha, check, run.Ids.GetValueOrDefault(check.Stage), cancellationToken);
                run.Posted[check.Stage] = shown;
            }
        }
        finally
        {
            run.Gate.Release();
        }
    }

    private sealed class RunChecks
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public Dictionary<string, (StageState, string, bool, Uri?)> Posted { get; } = [];

        /// <summary>Each stage's check as the provider knows it, so later snapshots update it.</summary>
        public Dictionary<string, string> Ids { get; } = [];

        public bool Superseded { get; set; }
    }
}
