using System.Text.Json.Nodes;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

[Collection(AwsCollection.Name)]
public sealed class FargateTaskRunTests(MotoFixture moto)
{
    [Fact]
    public async Task A_task_runs_to_STOPPED_with_its_exit_code_and_its_log_comes_back_page_by_page()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform(world.Settings with { LogPageSize = 4 });
        var run = await platform.StartTaskAsync(new TaskSpec("feature-x", "repo/app:feature-x-abc1234", TaskKind.Tests, world.Owner()), CancellationToken.None);

        // moto's tasks print nothing, so the test writes what docker/tests/run-tests.sh would have printed.
        var printed = new[]
        {
            "Running tests", "::slipway:: begin tool=phpunit format=junit", "<?xml version=\"1.0\"?>", "<testsuites tests=\"1\"/>",
            "::slipway:: end tool=phpunit exit=0", "done", "bye", "really",
        }.Concat(Enumerable.Range(1, 3).Select(number => $"extra {number}")).ToList();
        await moto.Api.WriteLogAsync(world.LogGroup, $"{world.App}/tests/{run.Id.Split('/')[^1]}", printed);

        var outcome = await run.WaitAsync(CancellationToken.None);
        var pages = new List<IReadOnlyList<LogLine>>();
        await foreach (var page in run.ReadLogAsync(CancellationToken.None))
        {
            pages.Add(page);
        }

        outcome.Should().Be(new TaskOutcome(0, null));
        outcome.Succeeded.Should().BeTrue();
        pages.Select(page => page.Count).Should().Equal(4, 4, 3);
        pages.SelectMany(page => page).Should().Equal(printed.Select(line => new LogLine(LogStream.Unknown, line)));
    }

    [Fact]
    public async Task The_task_definition_names_the_family_size_roles_log_and_tags_and_is_deleted_when_the_run_is_disposed()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);
        var spec = new TaskSpec("feature-x", "repo/app:feature-x-abc1234", TaskKind.Analysis, world.Owner(), ["scripts/run-analysis.sh"], new Dictionary<string, string> { ["APP_ENV"] = "ci" });

        string definitionArn;
        await using (var run = await platform.StartTaskAsync(spec, CancellationToken.None))
        {
            await run.WaitAsync(CancellationToken.None);
            var registered = recorder.Calls.Single(call => call.Action == "ecs:RegisterTaskDefinition");
            definitionArn = JsonNode.Parse(registered.ResponseBody)!["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();
            var request = JsonNode.Parse(registered.RequestBody)!;
            var container = request["containerDefinitions"]![0]!;

            request["family"]!.GetValue<string>().Should().Be($"slipway-{world.App}-feature-x-analysis");
            (request["cpu"]!.GetValue<string>(), request["memory"]!.GetValue<string>()).Should().Be(("1024", "2048"));
            request["executionRoleArn"]!.GetValue<string>().Should().Be(world.Settings.ExecutionRoleArn);
            request["requiresCompatibilities"]![0]!.GetValue<string>().Should().Be("FARGATE");
            container["command"]![0]!.GetValue<string>().Should().Be("scripts/run-analysis.sh");
            container["environment"]![0]!.ToJsonString().Should().Be("""{"name":"APP_ENV","value":"ci"}""");
            container["logConfiguration"]!["options"]!.ToJsonString().Should().Be(
                $$"""{"awslogs-group":"{{world.LogGroup}}","awslogs-region":"eu-west-1","awslogs-stream-prefix":"{{world.App}}"}""");
            request["tags"]!.AsArray().Select(tag => $"{tag!["key"]}={tag["value"]}").Should().BeEquivalentTo(
                $"slipway:app={world.App}", "slipway:branch=feature/x", "slipway:run=run-1", "slipway:kind=analysis");
            (await moto.Api.TaskDefinitionStatusAsync(definitionArn)).Should().Be("ACTIVE");
        }

        (await moto.Api.TaskDefinitionStatusAsync(definitionArn)).Should().NotBe("ACTIVE").And.NotBe("INACTIVE");
        recorder.Calls.Select(call => call.Action).Should().ContainInOrder("ecs:DeregisterTaskDefinition", "ecs:DeleteTaskDefinitions");
    }

    [Fact]
    public async Task A_task_that_runs_longer_than_its_timeout_is_stopped_and_counted_as_failed()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        var run = await platform.StartTaskAsync(
            new TaskSpec("slow", "repo/app:slow", TaskKind.Tests, world.Owner(), Timeout: TimeSpan.FromMilliseconds(1)),
            CancellationToken.None);

        var outcome = await run.WaitAsync(CancellationToken.None);

        outcome.Succeeded.Should().BeFalse();
        outcome.ExitCode.Should().BeNull();
        outcome.StoppedReason.Should().StartWith("Timed out after");
        (await StoppedReasonAsync(world, run.Id)).Should().StartWith("Slipway: ran longer than");
    }

    [Fact]
    public async Task Cancelling_the_wait_stops_the_task_before_the_cancellation_reaches_the_caller()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform(world.Settings with { TaskPolling = new PollingSchedule(TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)) });
        var run = await platform.StartTaskAsync(new TaskSpec("cancelled", "repo/app:c", TaskKind.Tests, world.Owner()), CancellationToken.None);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var wait = () => run.WaitAsync(cancellation.Token);

        await wait.Should().ThrowAsync<OperationCanceledException>();
        (await StoppedReasonAsync(world, run.Id)).Should().Be("Slipway: cancelled");
    }

    [Fact]
    public async Task A_task_with_host_mounts_is_refused_before_anything_is_created()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);

        var start = () => platform.StartTaskAsync(
            new TaskSpec("mounted", "repo/app:m", TaskKind.Tests, world.Owner(), Mounts: [new Mount("/tmp", "/app")]),
            CancellationToken.None);

        (await start.Should().ThrowAsync<AwsException>()).Which.Message.Should().Contain("mounts host folders");
        recorder.Calls.Should().BeEmpty();
    }

    private async Task<string?> StoppedReasonAsync(MotoWorld world, string taskArn)
    {
        using var clients = moto.Clients();
        var task = (await clients.Ecs.DescribeTasksAsync(world.Cluster, [taskArn], includeTags: false, CancellationToken.None)).Single();
        return task.StoppedReason;
    }
}
