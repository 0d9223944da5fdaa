using System.Text.Json.Nodes;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>Services beside a task, as further containers of its Fargate task definition, read back from moto's ECS.</summary>
[Collection(AwsCollection.Name)]
public sealed class SidecarTaskDefinitionTests(MotoFixture moto)
{
    private static readonly SidecarSpec Redis = new("redis", "repo/redis:7", 6379, new Dictionary<string, string> { ["REDIS_ARGS"] = "--save ''" }, ["redis-cli", "ping"]);

    private static readonly SidecarSpec Browser = new("browser", "repo/chromium:1", 4444, ReadyCommand: null, UrlVariable: "WEBDRIVER_URL", MemoryMiB: 1024);

    [Fact]
    public async Task The_tests_task_definition_holds_each_service_with_its_health_check_and_the_app_waits_for_them()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);
        var spec = new TaskSpec("feature-x", "repo/app:x", TaskKind.Tests, world.Owner(), ["run-tests.sh"], new Dictionary<string, string> { ["APP_ENV"] = "ci" }, Sidecars: [Redis, Browser]);

        await using var run = await platform.StartTaskAsync(spec, CancellationToken.None);
        var definition = await moto.Api.TaskDefinitionAsync(DefinitionArn(recorder));
        var containers = definition["containerDefinitions"]!.AsArray().Select(node => node!.AsObject()).ToDictionary(node => node["name"]!.GetValue<string>());

        containers.Keys.Should().BeEquivalentTo("tests", "redis", "browser");
        var app = containers["tests"];
        app["essential"]!.GetValue<bool>().Should().BeTrue();
        app["memory"]!.GetValue<int>().Should().Be(2048 - 256 - 1024);
        Pairs(app["dependsOn"], "containerName", "condition").Should().Equal(("redis", "HEALTHY"), ("browser", "START"));
        Pairs(app["environment"], "name", "value").Should().Equal(
            ("APP_ENV", "ci"), ("BROWSER_HOST", "localhost"), ("BROWSER_PORT", "4444"), ("REDIS_HOST", "localhost"), ("REDIS_PORT", "6379"),
            ("SLIPWAY_TASK_HOST", "localhost"), ("WEBDRIVER_URL", "http://localhost:4444"));

        var redis = containers["redis"];
        redis["essential"]!.GetValue<bool>().Should().BeFalse();
        redis["image"]!.GetValue<string>().Should().Be("repo/redis:7");
        redis["memoryReservation"]!.GetValue<int>().Should().Be(256);
        redis["healthCheck"]!["command"]!.AsArray().Select(word => word!.GetValue<string>()).Should().Equal("CMD", "redis-cli", "ping");
        redis["healthCheck"]!["interval"]!.GetValue<int>().Should().BeInRange(5, 300);
        redis["healthCheck"]!["retries"]!.GetValue<int>().Should().BeInRange(1, 10);
        redis["healthCheck"]!["startPeriod"]!.GetValue<int>().Should().BeInRange(0, 300);
        Pairs(redis["environment"], "name", "value").Should().Equal(("REDIS_ARGS", "--save ''"));
        redis["portMappings"]![0]!["containerPort"]!.GetValue<int>().Should().Be(6379);
        redis["logConfiguration"]!["options"]!["awslogs-stream-prefix"]!.GetValue<string>().Should().Be(world.App);
        containers["browser"]["healthCheck"].Should().BeNull();
        containers["browser"]["portMappings"]![0]!["containerPort"]!.GetValue<int>().Should().Be(4444);
        containers["browser"]["linuxParameters"]?["sharedMemorySize"].Should().BeNull(
            "Fargate refuses sharedMemorySize: the browser copes with a small /dev/shm through the session's --disable-dev-shm-usage, as locally");
    }

    [Fact]
    public async Task The_playground_task_definition_holds_its_services_and_is_deleted_at_teardown()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(world.Settings with { PlaygroundSize = new TaskSize(1024, 2048) }, handler: recorder);
        var spec = new ServiceSpec("feature-x", "repo/app:x", world.Owner(), Sidecars: [Redis]);

        await platform.StartServiceAsync(spec, CancellationToken.None);
        var arn = DefinitionArn(recorder);
        var definition = await moto.Api.TaskDefinitionAsync(arn);
        var owned = await platform.ListOwnedAsync(world.App, null, CancellationToken.None);
        await platform.RemoveAsync(owned, CancellationToken.None);

        definition["containerDefinitions"]!.AsArray().Select(node => node!["name"]!.GetValue<string>()).Should().Equal("playground", "redis");
        Pairs(definition["containerDefinitions"]![0]!["environment"], "name", "value").Should().Contain(("REDIS_HOST", "localhost"));
        (await moto.Api.TaskDefinitionStatusAsync(arn)).Should().NotBe("ACTIVE");
    }

    [Fact]
    public async Task Services_that_leave_the_app_too_little_memory_are_refused_before_anything_is_registered()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(world.Settings with { TestsSize = new TaskSize(256, 1024) }, handler: recorder);
        var spec = new TaskSpec("small", "repo/app:x", TaskKind.Tests, world.Owner(), Sidecars: [Browser]);

        var start = () => platform.StartTaskAsync(spec, CancellationToken.None);

        (await start.Should().ThrowAsync<AwsException>()).Which.Message.Should().Contain("services reserve 1024 MiB").And.Contain("pick a larger task size");
        recorder.Calls.Should().NotContain(call => call.Action == "ecs:RegisterTaskDefinition");
    }

    private static string DefinitionArn(RecordingHandler recorder) =>
        JsonNode.Parse(recorder.Calls.Last(call => call.Action == "ecs:RegisterTaskDefinition").ResponseBody)!["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();

    private static List<(string, string)> Pairs(JsonNode? array, string key, string value) =>
        array!.AsArray().Select(node => (node![key]!.GetValue<string>(), node[value]!.GetValue<string>())).ToList();
}
