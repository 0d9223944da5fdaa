using System.Diagnostics;
using Amazon.Runtime;
using Slipway.Aws.Fargate;
using Slipway.Aws.Runtime;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Runtime;

/// <summary>Transient faults on the wire — reset and stalled connections — through the one retry policy.</summary>
public sealed class AwsRetryPolicyTests
{
    [Fact]
    public async Task A_reset_connection_is_retried_until_the_call_goes_through()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.Json("""{"taskArns":[]}"""));
        await using var proxy = new FaultyProxy(endpoint.Url);
        proxy.ResetNext(2);
        using var clients = new AwsClients(Options(proxy.Url, attempts: 3), "eu-west-1");

        var tasks = await clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        tasks.Should().BeEmpty();
        endpoint.Operations.Should().Equal("ListTasks");
    }

    [Fact]
    public async Task A_stalled_connection_ends_in_one_sentence_within_the_bounded_total()
    {
        await using var endpoint = new FakeAwsEndpoint(_ => FakeAnswer.Json("""{"taskArns":[]}"""));
        await using var proxy = new FaultyProxy(endpoint.Url) { Fault = ProxyFault.Stall };
        using var clients = new AwsClients(Options(proxy.Url, attempts: 100, attemptTimeout: TimeSpan.FromMilliseconds(200), total: TimeSpan.FromSeconds(1)), "eu-west-1");
        var clock = Stopwatch.StartNew();

        var list = () => clients.Ecs.ListTasksAsync("c", "RUNNING", CancellationToken.None);

        var failure = (await list.Should().ThrowAsync<AwsException>()).Which;
        failure.Message.Should().StartWith($"AWS ECS at {proxy.Url.GetLeftPart(UriPartial.Authority)} did not answer ecs:ListTasks within 1 s (")
            .And.EndWith("check the network, the Region and AWS_ENDPOINT_URL_ECS.");
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "100 attempts are cut short by the total");
    }

    [Fact]
    public async Task A_wait_rides_out_an_AWS_it_cannot_reach_for_a_while_and_then_sees_the_task_stop()
    {
        var fargate = new ScriptedFargate(ScriptedFargate.Task("RUNNING"), ScriptedFargate.Task("STOPPED", container: """{"name":"tests","exitCode":0}"""));
        await using var endpoint = new FakeAwsEndpoint(fargate.Answer);
        await using var proxy = new FaultyProxy(endpoint.Url);
        var settings = ScriptedSettings.Valid with { UnreachableBudget = TimeSpan.FromMinutes(1) };
        using var platform = new FargatePlatform(settings, new NoImageStore(), Options(proxy.Url, attempts: 2));
        var run = await platform.StartTaskAsync(new TaskSpec("x", "repo/app:x", TaskKind.Tests, new Ownership("app", "x", "r1")), CancellationToken.None);

        // Three calls' worth of attempts fail (two attempts each): the wait keeps asking, as the task keeps running.
        proxy.ResetNext(6);
        var outcome = await run.WaitAsync(CancellationToken.None);

        outcome.Should().Be(new TaskOutcome(0, null));
    }

    private static AwsClientOptions Options(Uri endpoint, int attempts, TimeSpan? attemptTimeout = null, TimeSpan? total = null) => new()
    {
        Credentials = new BasicAWSCredentials("AKIDEXAMPLE", "not-a-secret"),
        EndpointUrl = endpoint,
        EnvironmentVariable = _ => null,
        Retry = new AwsRetryOptions(attempts, TimeSpan.Zero, TimeSpan.Zero, total, attemptTimeout),
    };
}
