using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Service.Execution;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Execution;

/// <summary>Clean-up after an interrupted run against the real Docker engine: what carries the run's label goes, nothing else.</summary>
public sealed class OwnedResourceCleanerTests : IAsyncLifetime
{
    private BusyboxEngineFixture _engine = null!;

    public async Task InitializeAsync() => _engine = await BusyboxEngineFixture.StartAsync("busybox", "[\"/bin/busybox\"]");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task CleanAsync_RemovesWhatTheInterruptedRunStartedAndKeepsAnEarlierRunsPlayground()
    {
        var platform = _engine.Platform();
        var store = new SqliteRunStore(_engine.Folder.Combine("slipway.db"));
        var app = "svc-" + _engine.TestId[..8];
        var interrupted = new Ownership(app, "feature/login", "20261120-090000-dead");
        var earlier = new Ownership(app, "feature/login", "20261119-170000-beef");
        var otherBranch = new Ownership(app, "feature/search", "20261120-090000-dead");
        var tests = await platform.StartTaskAsync(new TaskSpec("tests", _engine.Image, TaskKind.Tests, interrupted, ["sleep", "300"]), CancellationToken.None);
        var oldPlayground = await platform.StartTaskAsync(new TaskSpec("playground", _engine.Image, TaskKind.Playground, earlier, ["sleep", "300"]), CancellationToken.None);
        var elsewhere = await platform.StartTaskAsync(new TaskSpec("analysis", _engine.Image, TaskKind.Analysis, otherBranch, ["sleep", "300"]), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await store.SaveRunAsync(new RunRecord(interrupted.Run, "PullRequest", app, "feature/login", null, RunState.Running, now), CancellationToken.None);
        await store.SavePlaygroundAsync(new PlaygroundRecord(app, "feature/search", "feature-search", "http://feature-search.localhost:1/", elsewhere.Id, _engine.Image, interrupted.Run, "local", now), CancellationToken.None);
        var run = new QueuedRun("7", 7, new RunRequest("PullRequest", app, null, "feature/login"), RunState.Running, now, PipelineRunId: interrupted.Run);

        var removed = await new OwnedResourceCleaner(platform, store, TimeProvider.System).CleanAsync(run, CancellationToken.None);

        removed.Should().Be(1);
        var left = await platform.ListOwnedAsync(app, null, CancellationToken.None);
        left.Select(resource => resource.Id).Should().BeEquivalentTo([oldPlayground.Id, elsewhere.Id], "only the run's resources on its branch go");
        left.Should().NotContain(resource => resource.Id == tests.Id);
        (await store.FindRunAsync(interrupted.Run, CancellationToken.None))!.State.Should().Be(RunState.Interrupted);
        (await store.ListPlaygroundsAsync(CancellationToken.None)).Should().BeEmpty("the interrupted run's playground record is forgotten");
    }

    [Fact]
    public async Task CleanAsync_RunThatNeverStartedItsPipeline_TouchesNothing()
    {
        var platform = _engine.Platform();
        var app = "svc-" + _engine.TestId[..8];
        var task = await platform.StartTaskAsync(new TaskSpec("tests", _engine.Image, TaskKind.Tests, new Ownership(app, "feature/login", "some-run"), ["sleep", "300"]), CancellationToken.None);
        var run = new QueuedRun("8", 8, new RunRequest("PullRequest", app, null, "feature/login"), RunState.Running, DateTimeOffset.UtcNow);

        var removed = await new OwnedResourceCleaner(platform, new SqliteRunStore(_engine.Folder.Combine("slipway.db")), TimeProvider.System).CleanAsync(run, CancellationToken.None);

        removed.Should().Be(0);
        (await platform.ListOwnedAsync(app, null, CancellationToken.None)).Select(resource => resource.Id).Should().Equal(task.Id);
    }
}
