using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

[Collection(DockerCollection.Name)]
public sealed class DockerPlatformTaskTests(DockerFixture docker)
{
    private DockerPlatform Platform => new(docker.Client, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = docker.TestLabels });

    private Ownership Owner { get; } = new("task-test", "feature/tasks", Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public async Task StartTaskAsync_RunsToTheEndWithItsLabelsEnvironmentAndLog()
    {
        var spec = new TaskSpec(
            "tests",
            docker.BaseImage,
            TaskKind.Tests,
            Owner,
            Command: ["sh", "-c", "echo \"suite=$SUITE\"; echo 'a warning' >&2; exit 3"],
            Environment: new Dictionary<string, string> { ["SUITE"] = "unit" });

        await using var run = await Platform.StartTaskAsync(spec, CancellationToken.None);
        var outcome = await run.WaitAsync(CancellationToken.None);
        var log = new List<LogLine>();
        await foreach (var page in run.ReadLogAsync(CancellationToken.None))
        {
            log.AddRange(page);
        }

        outcome.Should().Be(new TaskOutcome(3, null));
        log.Should().BeEquivalentTo([LogLine.Out("suite=unit"), LogLine.Err("a warning")]);
        var container = await docker.Client.InspectContainerAsync(run.Id, CancellationToken.None);
        container.Labels.Should().Contain(Owner.ToLabels("tests"));
        container.Name.Should().Be($"slipway-{Owner.Run}-tests");
    }

    [Fact]
    public async Task FollowLogAsync_HandsOutALastLineWithoutLineEnding_WhichTheEnginesFollowDrops()
    {
        // The engine loses such a line to a follower most of the time, not always: three tasks make a loss show.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var spec = new TaskSpec($"follow-{attempt}", docker.BaseImage, TaskKind.Command, Owner, ["sh", "-c", "echo first; sleep 1; printf 'the last words'"]);
            await using var run = await Platform.StartTaskAsync(spec, CancellationToken.None);
            var log = new List<LogLine>();
            var following = Task.Run(async () =>
            {
                await foreach (var page in run.FollowLogAsync(CancellationToken.None))
                {
                    log.AddRange(page);
                }
            });
            await run.WaitAsync(CancellationToken.None);
            await following.WaitAsync(TimeSpan.FromMinutes(2));

            log.Should().Equal([LogLine.Out("first"), LogLine.Out("the last words") with { Unterminated = true }], $"attempt {attempt}");
        }
    }

    [Fact]
    public async Task DisposeAsync_RemovesTheTaskContainer()
    {
        var run = await Platform.StartTaskAsync(new TaskSpec("dispose", docker.BaseImage, TaskKind.Build, Owner, ["true"]), CancellationToken.None);
        await run.WaitAsync(CancellationToken.None);

        await run.DisposeAsync();
        await run.DisposeAsync();

        var inspect = () => docker.Client.InspectContainerAsync(run.Id, CancellationToken.None);
        (await inspect.Should().ThrowAsync<DockerException>()).Which.IsNotFound.Should().BeTrue();
    }

    [Fact]
    public async Task WaitAsync_Cancelled_KillsATaskThatIgnoresSigtermWithoutSittingOutTheGracePeriod()
    {
        // A build script as PID 1 ignores SIGTERM; with a 2-minute grace period a Ctrl+C used to wait for all of it.
        var patient = new DockerPlatform(docker.Client, new DockerPlatformOptions { StopTimeout = TimeSpan.FromMinutes(2), ExtraLabels = docker.TestLabels });
        var spec = new TaskSpec("stubborn", docker.BaseImage, TaskKind.Build, Owner, ["sh", "-c", "trap '' TERM; echo started; while true; do sleep 1; done"]);
        await using var run = await patient.StartTaskAsync(spec, CancellationToken.None);
        using var ctrlC = new CancellationTokenSource();
        var waiting = run.WaitAsync(ctrlC.Token);
        await WaitForLogAsync(run, "started");

        ctrlC.Cancel();

        var stopped = async () => await waiting.WaitAsync(TimeSpan.FromSeconds(60));
        await stopped.Should().ThrowAsync<OperationCanceledException>("the wait ends with the Ctrl+C, well inside the grace period");
        (await docker.Client.InspectContainerAsync(run.Id, CancellationToken.None)).State.Running.Should().BeFalse();
    }

    private static async Task WaitForLogAsync(ITaskRun run, string text)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await foreach (var page in run.ReadLogAsync(bound.Token))
        {
            if (page.Any(line => line.Text.Contains(text, StringComparison.Ordinal)))
            {
                return;
            }
        }
    }

    [Fact]
    public async Task WaitAsync_TaskRunningPastItsTimeout_IsStoppedAndSaysSo()
    {
        var spec = new TaskSpec("slow", docker.BaseImage, TaskKind.Analysis, Owner, ["sleep", "300"], Timeout: TimeSpan.FromSeconds(1));
        await using var run = await Platform.StartTaskAsync(spec, CancellationToken.None);

        var outcome = await run.WaitAsync(CancellationToken.None);

        outcome.StoppedReason.Should().Be("timed out after 1 s");
        outcome.Succeeded.Should().BeFalse();
        (await docker.Client.InspectContainerAsync(run.Id, CancellationToken.None)).State.Running.Should().BeFalse();
    }

    [Fact]
    public async Task WaitAsync_Cancelled_StopsTheContainerAndThrows()
    {
        var spec = new TaskSpec("cancelled", docker.BaseImage, TaskKind.Tests, Owner, ["sleep", "300"]);
        await using var run = await Platform.StartTaskAsync(spec, CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

        var wait = () => run.WaitAsync(cancellation.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
        (await docker.Client.InspectContainerAsync(run.Id, CancellationToken.None)).State.Running.Should().BeFalse();
    }

    [Fact]
    public async Task StartTaskAsync_ImageMissing_FailsAndLeavesNoContainer()
    {
        var spec = new TaskSpec("missing", "slipway-test/never-built:nope", TaskKind.Tests, Owner);

        var start = () => Platform.StartTaskAsync(spec, CancellationToken.None);

        (await start.Should().ThrowAsync<DockerException>()).Which.Message.Should().Be("No such image: slipway-test/never-built:nope");
        (await docker.Client.ListContainersAsync(Owner.ToLabels("tests"), CancellationToken.None)).Should().BeEmpty();
    }
}
