using Slipway.Aws.Ecs;
using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Clients;

[Collection(AwsCollection.Name)]
public sealed class EcsClientTests(MotoFixture moto)
{
    [Fact]
    public async Task A_registered_definition_runs_as_a_tagged_task_with_a_network_interface_and_stops_with_the_given_reason()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        var definition = await clients.Ecs.RegisterTaskDefinitionAsync(Definition(world, "run"), CancellationToken.None);

        var task = await clients.Ecs.RunTaskAsync(RunRequest(world, definition.TaskDefinitionArn), CancellationToken.None);
        var described = (await clients.Ecs.DescribeTasksAsync(world.Cluster, [task.TaskArn], includeTags: true, CancellationToken.None)).Single();
        await clients.Ecs.StopTaskAsync(world.Cluster, task.TaskArn, "Stopped by the test", CancellationToken.None);
        var stopped = (await clients.Ecs.DescribeTasksAsync(world.Cluster, [task.TaskArn], includeTags: false, CancellationToken.None)).Single();

        definition.Family.Should().Be($"slipway-{world.App}-run");
        described.TagMap.Should().Contain("slipway:app", world.App);
        described.Attachments.Should().ContainSingle(attachment => attachment.Type == "ElasticNetworkInterface")
            .Which.Detail("networkInterfaceId").Should().StartWith("eni-");
        stopped.IsStopped.Should().BeTrue();
        stopped.StoppedReason.Should().Be("Stopped by the test");
    }

    [Fact]
    public async Task ListTasks_returns_the_running_tasks_of_the_cluster_only()
    {
        var world = await moto.CreateWorldAsync();
        var other = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        var definition = await clients.Ecs.RegisterTaskDefinitionAsync(Definition(world, "list"), CancellationToken.None);
        var task = await clients.Ecs.RunTaskAsync(RunRequest(world, definition.TaskDefinitionArn), CancellationToken.None);

        var mine = await clients.Ecs.ListTasksAsync(world.Cluster, "RUNNING", CancellationToken.None);
        var theirs = await clients.Ecs.ListTasksAsync(other.Cluster, "RUNNING", CancellationToken.None);

        mine.Should().Equal(task.TaskArn);
        theirs.Should().BeEmpty();
    }

    [Fact]
    public async Task A_definition_is_listed_with_its_tags_until_it_is_deregistered_and_deleted()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        var definition = await clients.Ecs.RegisterTaskDefinitionAsync(Definition(world, "gone"), CancellationToken.None);

        var listed = await clients.Ecs.ListTaskDefinitionsAsync("ACTIVE", CancellationToken.None);
        var tags = await clients.Ecs.ListTagsForResourceAsync(definition.TaskDefinitionArn, CancellationToken.None);
        await clients.Ecs.DeregisterTaskDefinitionAsync(definition.TaskDefinitionArn, CancellationToken.None);
        var failures = await clients.Ecs.DeleteTaskDefinitionsAsync([definition.TaskDefinitionArn], CancellationToken.None);
        var afterwards = await clients.Ecs.ListTaskDefinitionsAsync("ACTIVE", CancellationToken.None);

        listed.Should().Contain(definition.TaskDefinitionArn);
        tags.Should().Contain("slipway:branch", "feature/x");
        failures.Should().BeEmpty();
        afterwards.Should().NotContain(definition.TaskDefinitionArn);
        (await moto.Api.TaskDefinitionStatusAsync(definition.TaskDefinitionArn)).Should().NotBe("ACTIVE").And.NotBe("INACTIVE");
    }

    [Fact]
    public async Task A_cluster_that_does_not_exist_is_reported_as_the_Cluster_setting_to_fix()
    {
        using var clients = moto.Clients();

        var describe = () => clients.Ecs.DescribeTasksAsync("no-such-cluster", ["arn:aws:ecs:eu-west-1:123456789012:task/x/y"], includeTags: false, CancellationToken.None);

        (await describe.Should().ThrowAsync<AwsException>())
            .Which.Message.Should().Contain("Cluster setting").And.Contain("ecs:DescribeTasks");
    }

    internal static RegisterTaskDefinitionRequest Definition(MotoWorld world, string name) => new(
        $"slipway-{world.App}-{name}",
        TaskRoleArn: null,
        "arn:aws:iam::123456789012:role/slipway-execution",
        "awsvpc",
        ["FARGATE"],
        "256",
        "512",
        [new EcsContainerDefinition("tests", "example/image:1", true, 512, ["true"], [new EcsKeyValue("A", "1")], null,
            new EcsLogConfiguration("awslogs", new Dictionary<string, string> { ["awslogs-group"] = world.LogGroup }))],
        [new EcsTag("slipway:app", world.App), new EcsTag("slipway:branch", "feature/x")]);

    internal static RunTaskRequest RunRequest(MotoWorld world, string definitionArn) => new(
        world.Cluster,
        definitionArn,
        "FARGATE",
        1,
        Guid.NewGuid().ToString("N"),
        "slipway",
        new NetworkConfiguration(new AwsVpcConfiguration(world.Moto.Subnets, [world.Moto.SecurityGroup], "ENABLED")),
        [new EcsTag("slipway:app", world.App)]);
}
