using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

/// <summary>Services beside a task or playground on the real engine: the busybox web server stands in for one.</summary>
[Collection(DockerCollection.Name)]
public sealed class DockerPlatformSidecarTests(DockerFixture docker)
{
    private Ownership Owner { get; } = new("sidecar-test", "feature/services", "run-" + Guid.NewGuid().ToString("N")[..8]);

    private SidecarSpec Web => new("web", docker.BaseImage, 80, ReadyCommand: ["wget", "-q", "-O", "/dev/null", "http://127.0.0.1/"]);

    [Fact]
    public async Task A_task_reaches_its_service_by_name_through_the_variables_and_both_go_when_it_is_disposed()
    {
        var spec = new TaskSpec(
            "tests", docker.BaseImage, TaskKind.Tests, Owner,
            Command: ["sh", "-c", "echo \"host=$WEB_HOST port=$WEB_PORT task=$SLIPWAY_TASK_HOST\"; wget -q -O - \"http://$WEB_HOST:$WEB_PORT/\""],
            Sidecars: [Web]);

        var run = await Platform().StartTaskAsync(spec, CancellationToken.None);
        var outcome = await run.WaitAsync(CancellationToken.None);
        var log = await ReadLogAsync(run);
        var owned = await Platform().ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None);
        await run.DisposeAsync();

        outcome.ExitCode.Should().Be(0, string.Join('\n', log.Select(line => line.Text)));
        log.Select(line => line.Text).Should().Equal("host=web port=80 task=slipway-task", "slipway test page");
        owned.Select(resource => (resource.Type, resource.Label(Ownership.RoleLabel), resource.Label(Ownership.KindLabel))).Should().BeEquivalentTo(
            [("container", (string?)null, (string?)"tests"), ("container", "service", "tests"), ("network", "network", "tests")]);
        (await Platform().ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_service_publishes_no_port_and_its_network_has_no_way_out()
    {
        var spec = new TaskSpec("closed", docker.BaseImage, TaskKind.Tests, Owner, Command: ["true"], Sidecars: [Web]);

        await using var run = await Platform().StartTaskAsync(spec, CancellationToken.None);

        var owned = await Platform().ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None);
        var service = owned.Single(resource => resource.Label(Ownership.RoleLabel) == "service");
        (await docker.Client.InspectContainerAsync(service.Id, CancellationToken.None)).Ports.Should().BeEmpty();
        var network = owned.Single(resource => resource.Type == "network");
        (await docker.Client.ListNetworksAsync(docker.TestLabels, CancellationToken.None)).Should().Contain(each => each.Id == network.Id && each.Name == $"slipway-{Owner.Run}-closed" && each.Internal);
    }

    [Fact]
    public async Task A_service_that_never_gets_ready_fails_the_start_by_name_and_leaves_nothing()
    {
        var never = new SidecarSpec("cache", docker.BaseImage, 6379, ReadyCommand: ["false"]);
        var spec = new TaskSpec("stuck", docker.BaseImage, TaskKind.Tests, Owner, Command: ["true"], Sidecars: [never]);

        var start = () => Platform(TimeSpan.FromSeconds(5)).StartTaskAsync(spec, CancellationToken.None);

        (await start.Should().ThrowAsync<DockerException>()).Which.Message.Should().Contain("'cache'").And.Contain("was not ready within 5 s");
        (await Platform().ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Cancelling_while_a_service_gets_ready_leaves_no_container_or_network()
    {
        var never = new SidecarSpec("search", docker.BaseImage, 8983, ReadyCommand: ["false"]);
        var spec = new TaskSpec("cancelled", docker.BaseImage, TaskKind.Tests, Owner, Command: ["true"], Sidecars: [never]);
        using var cancellation = new CancellationTokenSource();
        var platform = Platform();

        var start = platform.StartTaskAsync(spec, cancellation.Token);
        await WaitUntilAsync(async () => (await platform.ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None)).Any(each => each.Type == "container"));
        await cancellation.CancelAsync();

        await ((Func<Task>)(() => start)).Should().ThrowAsync<OperationCanceledException>();
        (await platform.ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task A_playground_keeps_its_services_until_torn_down_and_a_new_one_replaces_them()
    {
        var slug = "svc-" + docker.TestId[..8];
        var spec = new ServiceSpec(slug, docker.BaseImage, Owner, Sidecars: [Web]);
        await Platform().StartServiceAsync(spec, CancellationToken.None);

        var second = await Platform().StartServiceAsync(spec with { Owner = Owner with { Run = Owner.Run + "b" } }, CancellationToken.None);

        var owned = await Platform().ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None);
        owned.Should().HaveCount(3).And.OnlyContain(resource => resource.Label(Ownership.RunLabel) == Owner.Run + "b");
        owned.Select(resource => resource.Label(Ownership.RoleLabel)).Should().BeEquivalentTo([null, "service", "network"]);
        (await docker.Client.InspectContainerAsync(second.ResourceId, CancellationToken.None)).Ports.Should().ContainSingle()
            .Which.HostAddress.Should().Be("127.0.0.1");

        await Platform().RemoveAsync(owned, CancellationToken.None);

        (await Platform().ListOwnedAsync(Owner.App, Owner.Branch, CancellationToken.None)).Should().BeEmpty();
    }

    private DockerPlatform Platform(TimeSpan? readyTimeout = null) => new(docker.Client, new DockerPlatformOptions
    {
        StopTimeout = TimeSpan.FromSeconds(1),
        ExtraLabels = docker.TestLabels,
        SidecarReadyTimeout = readyTimeout ?? TimeSpan.FromMinutes(3),
    });

    private static async Task<List<LogLine>> ReadLogAsync(ITaskRun run)
    {
        var log = new List<LogLine>();
        await foreach (var page in run.ReadLogAsync(CancellationToken.None))
        {
            log.AddRange(page);
        }

        return log;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
        {
            await Task.Delay(100, bound.Token);
        }
    }
}
