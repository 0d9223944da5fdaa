using Slipway.Aws.Tests.Fixtures;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.State;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>A Fargate playground whose task stopped behind Slipway's back is found down (issue 20, finding 9).</summary>
[Collection(AwsCollection.Name)]
public sealed class StoppedPlaygroundTests(MotoFixture moto) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-stopped-").FullName;

    [Fact]
    public async Task A_playground_whose_task_was_stopped_is_reported_down_and_a_running_one_up()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform(installation: "1111aaaa2222bbbb");
        using var clients = moto.Clients();
        var store = new SqliteRunStore(Path.Combine(_folder, "slipway.db"));
        var stopped = await StartAsync(platform, store, world, "feature/stopped");
        await StartAsync(platform, store, world, "feature/running");
        await clients.Ecs.StopTaskAsync(world.Cluster, stopped.ResourceId, "Essential container in task exited", CancellationToken.None);

        var found = await new PlaygroundReconciler(platform, store).ReconcileAsync(CancellationToken.None);

        found.Should().BeEquivalentTo(new Dictionary<(string, string), ServiceCondition>
        {
            [(world.App, "feature/stopped")] = ServiceCondition.Down,
            [(world.App, "feature/running")] = ServiceCondition.Running,
        });
        var running = await clients.Ecs.ListTasksAsync(world.Cluster, "RUNNING", CancellationToken.None);
        running.Should().ContainSingle("a stopped Fargate playground is reported, not started again: only the running one runs")
            .Which.Should().NotBe(stopped.ResourceId);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<ServiceEndpoint> StartAsync(IPlatform platform, SqliteRunStore store, MotoWorld world, string branch)
    {
        var slug = branch.Replace('/', '-');
        var endpoint = await platform.StartServiceAsync(new ServiceSpec(slug, $"repo/app:{slug}", world.Owner(branch)), CancellationToken.None);
        await store.SavePlaygroundAsync(
            new PlaygroundRecord(world.App, branch, slug, endpoint.PublicUrl.ToString(), endpoint.ResourceId, $"repo/app:{slug}", "run-1", platform.Name, DateTimeOffset.UtcNow),
            CancellationToken.None);
        return endpoint;
    }
}
