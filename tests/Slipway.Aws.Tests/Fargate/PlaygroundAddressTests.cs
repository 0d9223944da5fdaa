using Slipway.Aws.Fargate;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Aws.Tests.Runtime;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>The playground's address and DNS change as AWS answers them, where moto cannot (public IPs, pending changes, failed starts).</summary>
public sealed class PlaygroundAddressTests
{
    private static readonly ServiceSpec Spec = new("feature-x", "repo/app:feature-x-abc1234", new Ownership("app", "feature/x", "run-1"));

    [Fact]
    public async Task The_public_address_is_upserted_as_soon_as_EC2_knows_it_and_the_start_waits_until_the_change_is_INSYNC()
    {
        var fargate = new ScriptedFargate(
            ScriptedFargate.Task("PROVISIONING", container: """{"name":"playground","lastStatus":"PENDING"}"""),
            ScriptedFargate.Task("PENDING", container: """{"name":"playground","lastStatus":"PENDING"}""", withInterface: true))
        {
            NetworkInterfacePublicIp = "203.0.113.10",
        };
        await using var endpoint = new FakeAwsEndpoint(fargate.Answer);
        using var platform = new FargatePlatform(ScriptedSettings.Valid, new NoImageStore(), AwsRequestSenderTests.Options(endpoint.Url));

        var started = await platform.StartServiceAsync(Spec, CancellationToken.None);

        started.PublicUrl.Should().Be(new Uri("https://feature-x.playground.example.com/"));
        started.ProbeUrl.Should().Be(started.PublicUrl);
        var operations = endpoint.Operations.Select(Short).ToList();
        operations.SkipWhile(operation => operation != "RunTask").Should().Equal(
            "RunTask", "DescribeTasks", "DescribeTasks", "DescribeNetworkInterfaces", "ChangeResourceRecordSets", "GetChange", "GetChange", "GetChange");
        var upsert = endpoint.Requests.Single(request => Short(request.Operation) == "ChangeResourceRecordSets").Body;
        upsert.Should().Contain("<Action>UPSERT</Action>").And.Contain("<Name>feature-x.playground.example.com.</Name>")
            .And.Contain("<TTL>60</TTL>").And.Contain("<Value>203.0.113.10</Value>");
    }

    [Fact]
    public async Task A_playground_that_stops_before_it_has_an_address_fails_with_ECS_reason_and_leaves_nothing_behind()
    {
        const string reason = "CannotPullContainerError: pull access denied for repo/app";
        var fargate = new ScriptedFargate(
            ScriptedFargate.Task("STOPPED", "TaskFailedToStart", reason, """{"name":"playground","lastStatus":"STOPPED"}"""));
        await using var endpoint = new FakeAwsEndpoint(fargate.Answer);
        using var platform = new FargatePlatform(ScriptedSettings.Valid, new NoImageStore(), AwsRequestSenderTests.Options(endpoint.Url));

        var start = () => platform.StartServiceAsync(Spec, CancellationToken.None);

        (await start.Should().ThrowAsync<AwsException>()).Which.Message.Should()
            .Be($"The playground task stopped before it got an address ({reason}): check the image and the task's log in /slipway.");
        var operations = endpoint.Operations.Select(Short).ToList();
        operations.Should().ContainInOrder("StopTask", "DeregisterTaskDefinition", "DeleteTaskDefinitions");
        operations.Should().NotContain("ChangeResourceRecordSets");
    }

    [Fact]
    public async Task A_playground_whose_record_was_written_but_never_applied_fails_and_takes_its_record_down_with_the_task()
    {
        var fargate = new ScriptedFargate(
            ScriptedFargate.Task("PENDING", container: """{"name":"playground","lastStatus":"PENDING"}""", withInterface: true))
        {
            NetworkInterfacePublicIp = "203.0.113.10",
            ChangeIsLost = true,
        };
        await using var endpoint = new FakeAwsEndpoint(fargate.Answer);
        using var platform = new FargatePlatform(ScriptedSettings.Valid, new NoImageStore(), AwsRequestSenderTests.Options(endpoint.Url));

        var start = () => platform.StartServiceAsync(Spec, CancellationToken.None);

        (await start.Should().ThrowAsync<AwsException>()).Which.Message.Should().Contain("NoSuchChange");
        var operations = endpoint.Operations.Select(Short).ToList();
        operations.SkipWhile(operation => operation != "GetChange").Should().ContainInOrder(
            "StopTask", "DeregisterTaskDefinition", "ChangeResourceRecordSets");
        // No task or definition names the record any more, so Teardown could not find it: the failed start deletes it.
        var delete = endpoint.Requests.Last(request => Short(request.Operation) == "ChangeResourceRecordSets").Body;
        delete.Should().Contain("<Action>DELETE</Action>").And.Contain("<Name>feature-x.playground.example.com.</Name>")
            .And.Contain("<Value>203.0.113.10</Value>");
    }

    // Route53's REST paths become operation names, so the sequence reads like the other services'.
    private static string Short(string operation) => operation switch
    {
        _ when operation.StartsWith("POST /2013-04-01/hostedzone/", StringComparison.Ordinal) => "ChangeResourceRecordSets",
        _ when operation.StartsWith("GET /2013-04-01/change/", StringComparison.Ordinal) => "GetChange",
        _ => operation,
    };
}
