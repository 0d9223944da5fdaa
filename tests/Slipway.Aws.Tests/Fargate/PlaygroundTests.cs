using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

[Collection(AwsCollection.Name)]
public sealed class PlaygroundTests(MotoFixture moto)
{
    [Fact]
    public async Task A_playground_is_named_in_Route53_with_its_task_address_and_its_record_is_deleted_on_teardown_from_another_machine()
    {
        var world = await moto.CreateWorldAsync();
        await using var probeTarget = new LoopbackSite("playground");
        var settings = world.Settings with { PlaygroundProbeUrl = probeTarget.Url };
        using var recorder = new RecordingHandler();
        using var starter = world.Platform(settings, handler: recorder);
        using var clients = moto.Clients();
        var host = $"feature-x.{world.Domain}";

        var endpoint = await starter.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:feature-x-abc1234", world.Owner()), CancellationToken.None);
        var address = await TaskAddressAsync(world, endpoint.ResourceId);
        var record = await clients.Route53.FindRecordAsync(world.ZoneId, host, "A", CancellationToken.None);

        endpoint.PublicUrl.Should().Be(new Uri($"https://{host}/"));
        (endpoint.ProbeUrl, endpoint.ProbeHost).Should().Be((probeTarget.Url, host));
        record!.Values.Should().Equal(address);
        record.Ttl.Should().Be(60);
        (await ProbeAsync(endpoint)).Should().Be("playground");
        probeTarget.HostsAsked.Should().Equal(host);

        using var teardown = world.Platform(settings);
        var owned = await teardown.ListOwnedAsync(world.App, "feature/x", CancellationToken.None);
        owned.Select(resource => resource.Type).Should().BeEquivalentTo("task", "task-definition", "dns-record");
        owned.Should().OnlyContain(resource => resource.Label(Ownership.BranchLabel) == "feature/x");

        await teardown.RemoveAsync(owned, CancellationToken.None);

        (await clients.Route53.FindRecordAsync(world.ZoneId, host, "A", CancellationToken.None)).Should().BeNull();
        (await teardown.ListOwnedAsync(world.App, "feature/x", CancellationToken.None)).Should().BeEmpty();
        var definition = owned.Single(resource => resource.Type == "task-definition").Id;
        (await moto.Api.TaskDefinitionStatusAsync(definition)).Should().NotBe("ACTIVE").And.NotBe("INACTIVE");
    }

    [Fact]
    public async Task The_record_is_written_by_the_very_next_call_after_the_address_is_known_and_the_change_is_waited_for()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);

        var endpoint = await platform.StartServiceAsync(new ServiceSpec("order", "repo/app:order-abc1234", world.Owner("order")), CancellationToken.None);

        var calls = recorder.Calls;
        var upsert = calls.ToList().FindIndex(call => call.Action == "route53:ChangeResourceRecordSets");
        calls[upsert - 1].Action.Should().Be("ecs:DescribeTasks", "the DescribeTasks answer that carried the address is followed at once by the change");
        calls[upsert - 1].ResponseBody.Should().Contain(await TaskAddressAsync(world, endpoint.ResourceId));
        calls[upsert].RequestBody.Should().Contain("<Action>UPSERT</Action>");
        calls.Take(upsert).Select(call => call.Action).Should().Contain("route53:ListHostedZonesByName", "the zone is looked up before the address is known");
        calls.Last().Action.Should().BeOneOf("route53:ChangeResourceRecordSets", "route53:GetChange");
    }

    [Fact]
    public async Task Starting_a_playground_again_replaces_the_running_one()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        using var clients = moto.Clients();

        var first = await platform.StartServiceAsync(new ServiceSpec("again", "repo/app:again-1111111", world.Owner("again", "run-1")), CancellationToken.None);
        var second = await platform.StartServiceAsync(new ServiceSpec("again", "repo/app:again-2222222", world.Owner("again", "run-2")), CancellationToken.None);

        var owned = await platform.ListOwnedAsync(world.App, "again", CancellationToken.None);
        var record = await clients.Route53.FindRecordAsync(world.ZoneId, $"again.{world.Domain}", "A", CancellationToken.None);
        var replaced = (await clients.Ecs.DescribeTasksAsync(world.Cluster, [first.ResourceId], includeTags: false, CancellationToken.None)).Single();

        owned.Where(resource => resource.Type == "task").Select(resource => resource.Id).Should().Equal(second.ResourceId);
        owned.Where(resource => resource.Type == "task-definition").Should().ContainSingle().Which.Label(Ownership.RunLabel).Should().Be("run-2");
        record!.Values.Should().Equal(await TaskAddressAsync(world, second.ResourceId));
        replaced.StoppedReason.Should().Be("Slipway: replaced by a newer playground");
    }

    [Fact]
    public async Task Tearing_down_one_branch_leaves_the_playground_of_another_branch_alone()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        using var clients = moto.Clients();
        await platform.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:x", world.Owner("feature/x")), CancellationToken.None);
        var other = await platform.StartServiceAsync(new ServiceSpec("feature-y", "repo/app:y", world.Owner("feature/y")), CancellationToken.None);

        await platform.RemoveAsync(await platform.ListOwnedAsync(world.App, "feature/x", CancellationToken.None), CancellationToken.None);

        var left = await platform.ListOwnedAsync(world.App, branch: null, CancellationToken.None);
        left.Should().OnlyContain(resource => resource.Label(Ownership.BranchLabel) == "feature/y");
        left.Select(resource => resource.Type).Should().BeEquivalentTo("task", "task-definition", "dns-record");
        left.Single(resource => resource.Type == "task").Id.Should().Be(other.ResourceId);
        (await clients.Route53.FindRecordAsync(world.ZoneId, $"feature-x.{world.Domain}", "A", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task The_record_of_a_playground_whose_task_has_died_is_found_through_its_task_definition()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        using var clients = moto.Clients();
        var endpoint = await platform.StartServiceAsync(new ServiceSpec("crashed", "repo/app:crashed", world.Owner("crashed")), CancellationToken.None);
        await clients.Ecs.StopTaskAsync(world.Cluster, endpoint.ResourceId, "Essential container in task exited", CancellationToken.None);

        var owned = await platform.ListOwnedAsync(world.App, "crashed", CancellationToken.None);
        await platform.RemoveAsync(owned, CancellationToken.None);

        owned.Select(resource => resource.Type).Should().BeEquivalentTo("task-definition", "dns-record");
        (await clients.Route53.FindRecordAsync(world.ZoneId, $"crashed.{world.Domain}", "A", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task The_last_lines_of_a_playground_log_are_read_back_for_a_playground_that_never_became_ready()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        var endpoint = await platform.StartServiceAsync(new ServiceSpec("tail", "repo/app:tail", world.Owner("tail")), CancellationToken.None);
        var printed = Enumerable.Range(1, 15).Select(number => $"apache line {number}").ToList();
        await moto.Api.WriteLogAsync(world.LogGroup, $"{world.App}/playground/{endpoint.ResourceId.Split('/')[^1]}", printed);

        var tail = await platform.ReadServiceLogTailAsync(endpoint, 5, CancellationToken.None);

        tail.Select(line => line.Text).Should().Equal(printed.TakeLast(5));
    }

    private async Task<string> TaskAddressAsync(MotoWorld world, string taskArn)
    {
        using var clients = moto.Clients();
        var task = (await clients.Ecs.DescribeTasksAsync(world.Cluster, [taskArn], includeTags: false, CancellationToken.None)).Single();
        return task.Attachments!.Single(attachment => attachment.Type == "ElasticNetworkInterface").Detail("privateIPv4Address")!;
    }

    // What the pipeline's readiness probe does with the endpoint: GET the probe URL with the playground's Host.
    private static async Task<string> ProbeAsync(ServiceEndpoint endpoint)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.ProbeUrl);
        request.Headers.Host = endpoint.ProbeHost;
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
