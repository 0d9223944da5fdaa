using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
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
    private const string TestLabel = "slipway-service-test";
    private readonly string _testId = Guid.NewGuid().ToString("N")[..12];
    private readonly DockerClient _docker = new(DockerEndpoint.FromEnvironment());
    private readonly TemporaryFolder _folder = new();
    private string _image = null!;

    private Dictionary<string, string> TestLabels => new() { [TestLabel] = _testId };

    public async Task InitializeAsync()
    {
        // No image can be pulled here: busybox from Debian's busybox-static, FROM scratch, a few MB.
        _image = $"slipway-service-test/busybox:{_testId}";
        var context = new BuildContext()
            .AddFile("busybox", await File.ReadAllBytesAsync("/bin/busybox"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)
            .AddFile("Dockerfile", "FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT [\"/bin/busybox\"]\n");
        await _docker.BuildImageAsync(new DockerBuildRequest(context) { Tags = [_image], Labels = TestLabels }, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var container in await _docker.ListContainersAsync(TestLabels, CancellationToken.None))
        {
            await _docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
        }

        await _docker.RemoveImageAsync(_image, force: true, noPrune: false, CancellationToken.None);
        _docker.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task CleanAsync_RemovesWhatTheInterruptedRunStartedAndKeepsAnEarlierRunsPlayground()
    {
        var platform = new DockerPlatform(_docker, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = TestLabels });
        var store = new SqliteRunStore(_folder.Combine("slipway.db"));
        var app = "svc-" + _testId[..8];
        var interrupted = new Ownership(app, "feature/login", "20261120-090000-dead");
        var earlier = new Ownership(app, "feature/login", "20261119-170000-beef");
        var otherBranch = new Ownership(app, "feature/search", "20261120-090000-dead");
        var tests = await platform.StartTaskAsync(new TaskSpec("tests", _image, TaskKind.Tests, interrupted, ["sleep", "300"]), CancellationToken.None);
        var oldPlayground = await platform.StartTaskAsync(new TaskSpec("playground", _image, TaskKind.Playground, earlier, ["sleep", "300"]), CancellationToken.None);
        var elsewhere = await platform.StartTaskAsync(new TaskSpec("analysis", _image, TaskKind.Analysis, otherBranch, ["sleep", "300"]), CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await store.SaveRunAsync(new RunRecord(interrupted.Run, "PullRequest", app, "feature/login", null, RunState.Running, now), CancellationToken.None);
        await store.SavePlaygroundAsync(new PlaygroundRecord(app, "feature/search", "feature-search", "http://feature-search.localhost:1/", elsewhere.Id, _image, interrupted.Run, "local", now), CancellationToken.None);
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
        var platform = new DockerPlatform(_docker, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = TestLabels });
        var app = "svc-" + _testId[..8];
        var task = await platform.StartTaskAsync(new TaskSpec("tests", _image, TaskKind.Tests, new Ownership(app, "feature/login", "some-run"), ["sleep", "300"]), CancellationToken.None);
        var run = new QueuedRun("8", 8, new RunRequest("PullRequest", app, null, "feature/login"), RunState.Running, DateTimeOffset.UtcNow);

        var removed = await new OwnedResourceCleaner(platform, new SqliteRunStore(_folder.Combine("slipway.db")), TimeProvider.System).CleanAsync(run, CancellationToken.None);

        removed.Should().Be(0);
        (await platform.ListOwnedAsync(app, null, CancellationToken.None)).Select(resource => resource.Id).Should().Equal(task.Id);
    }
}
