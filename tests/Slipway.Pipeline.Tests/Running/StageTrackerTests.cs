using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Pipeline.Tests.Running;

public sealed class StageTrackerTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-tracker-").FullName;
    private readonly SteppedClock _clock = new(Noon);
    private readonly RecordingReporter _reporter = new();

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task SetStageAsync_RunningThenSucceeded_KeepsWhenTheStageStartedAndTellsTheReporterEachTime()
    {
        var store = new SqliteRunStore(Path.Combine(_folder, "slipway.db"));
        var tracker = new StageTracker(store, _reporter, _clock);
        await tracker.StartAsync(
            new RunRecord("r1", "Build", "site", "demo", null, RunState.Queued, Noon),
            new RunStatus { RunId = "r1", Pipeline = "Build", App = "site", Branch = "demo", CommitSha = "abc1234", StartedAt = Noon },
            CancellationToken.None);

        _clock.Now = Noon.AddSeconds(5);
        await tracker.SetStageAsync(StageNames.Build, StageState.Running);
        _clock.Now = Noon.AddSeconds(65);
        await tracker.SetStageAsync(StageNames.Build, StageState.Succeeded, "slipway/site:demo-abc1234");
        await tracker.FinishAsync(RunState.Succeeded, "build: succeeded");

        var stage = (await store.ListStagesAsync("r1", CancellationToken.None)).Single();
        stage.Should().Be(new StageRecord("r1", StageNames.Build, StageState.Succeeded, Noon.AddSeconds(5), Noon.AddSeconds(65), "slipway/site:demo-abc1234"));
        (await store.FindRunAsync("r1", CancellationToken.None))!.State.Should().Be(RunState.Succeeded);
        _reporter.Calls.Should().Equal("started", "build Running", "build Succeeded", "finished");
    }

    private sealed class SteppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class RecordingReporter : IRunStatusReporter
    {
        public List<string> Calls { get; } = [];

        public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken)
        {
            Calls.Add("started");
            return Task.CompletedTask;
        }

        public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken)
        {
            var stage = status.Stages.Single();
            Calls.Add($"{stage.Name} {stage.State}");
            return Task.CompletedTask;
        }

        public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken)
        {
            Calls.Add("finished");
            return Task.CompletedTask;
        }
    }
}
