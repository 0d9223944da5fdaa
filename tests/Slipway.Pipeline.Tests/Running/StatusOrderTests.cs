using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Running;

/// <summary>
/// Parallel stages reach the reporters through an awaited store write each; when the writes complete out of
/// order, the reporters must still never show a stage going back (Running → "Waiting for earlier stages").
/// </summary>
public sealed class StatusOrderTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ParallelStages_WhoseStoreWritesCompleteOutOfOrder_NeverShowAStageGoingBack()
    {
        var store = new HeldWriteStore(heldStage: StageNames.Test);
        var seen = new SnapshotRecorder();
        var tracker = new StageTracker(store, new CompositeStatusReporter([seen], _ => { }), TimeProvider.System);
        await tracker.StartAsync(
            new RunRecord("r1", "PullRequest", "site", "demo", null, RunState.Queued, Noon),
            new RunStatus
            {
                RunId = "r1", Pipeline = "PullRequest", App = "site", Branch = "demo", CommitSha = "abc1234", StartedAt = Noon,
                Stages = [new(StageNames.Test, StageState.Pending), new(StageNames.Analysis, StageState.Pending)],
            },
            CancellationToken.None);

        // Test starts first, but its store write is held; Analysis starts second and gets through at once.
        var testStarting = tracker.SetStageAsync(StageNames.Test, StageState.Running);
        await store.Held.WaitAsync(TimeSpan.FromSeconds(30));
        await tracker.SetStageAsync(StageNames.Analysis, StageState.Running);
        store.Release();
        await testStarting.WaitAsync(TimeSpan.FromSeconds(30));

        seen.Snapshots.Last().Stages.Select(stage => $"{stage.Name} {stage.State}")
            .Should().Equal("test Running", "analysis Running");
        foreach (var stage in new[] { StageNames.Test, StageNames.Analysis })
        {
            var states = seen.Snapshots.Select(snapshot => snapshot.Stages.Single(s => s.Name == stage).State).ToList();
            states.Should().BeInAscendingOrder($"{stage} must never go from running back to pending");
        }
    }

    /// <summary>Holds the first write of one stage until released; every other write completes at once.</summary>
    private sealed class HeldWriteStore(string heldStage) : IRunStore
    {
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Held => _held.Task;

        public void Release() => _release.TrySetResult();

        public async Task SaveStageAsync(StageRecord stage, CancellationToken cancellationToken)
        {
            if (stage.Name == heldStage && _held.TrySetResult())
            {
                await _release.Task;
            }
        }

        public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken) => Task.FromResult<RunRecord?>(null);

        public Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<RunRecord>>([]);

        public Task<IReadOnlyList<StageRecord>> ListStagesAsync(string runId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<StageRecord>>([]);

        public Task SavePlaygroundAsync(PlaygroundRecord playground, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<IReadOnlyList<PlaygroundRecord>> ListPlaygroundsAsync(CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PlaygroundRecord>>([]);

        public Task RemovePlaygroundAsync(string app, string branch, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Every snapshot a reporter was handed, in the order it handled them.</summary>
    private sealed class SnapshotRecorder : IRunStatusReporter
    {
        private readonly Lock _gate = new();
        private readonly List<RunStatus> _snapshots = [];

        public IReadOnlyList<RunStatus> Snapshots
        {
            get
            {
                lock (_gate)
                {
                    return [.. _snapshots];
                }
            }
        }

        public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => Keep(status);

        public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => Keep(status);

        public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken) => Keep(status);

        private Task Keep(RunStatus status)
        {
            lock (_gate)
            {
                _snapshots.Add(status);
            }

            return Task.CompletedTask;
        }
    }
}
