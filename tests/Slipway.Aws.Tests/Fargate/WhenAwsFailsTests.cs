using Slipway.Aws.Fargate;
using Slipway.Aws.Runtime;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>
/// The emulator behind a proxy of the tests' own that refuses, resets or stalls connections at each phase
/// of a task's life: the phase's own error is the one raised, every clean-up step is tried and what it
/// could not remove is named, and a Teardown once AWS answers again leaves nothing of the branch.
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class WhenAwsFailsTests(MotoFixture moto)
{
    private const string Branch = "feature/x";

    public static TheoryData<ProxyFault> Faults => new() { ProxyFault.Refuse, ProxyFault.Reset, ProxyFault.Stall };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AWS_lost_while_waiting_fails_the_wait_with_its_own_error_and_the_clean_up_names_the_task_and_its_definition(ProxyFault fault)
    {
        var world = await moto.CreateWorldAsync();
        await using var proxy = new FaultyProxy(moto.Endpoint);
        using var platform = ThroughProxy(world, proxy);
        var run = await platform.StartTaskAsync(Spec(world), CancellationToken.None);
        var definition = await OnlyDefinitionAsync(world);

        proxy.Fault = fault;
        var wait = () => run.WaitAsync(CancellationToken.None);

        (await wait.Should().ThrowAsync<AwsException>()).Which.Action.Should().Be("ecs:DescribeTasks", "the wait failed first");
        var cleanup = async () => await run.DisposeAsync();
        (await cleanup.Should().ThrowAsync<CleanupFailedException>()).Which.Leftovers.Select(leftover => leftover.What)
            .Should().Equal($"task {run.Id}", $"task definition {definition}");

        proxy.Fault = ProxyFault.None;
        await TeardownLeavesNothingAsync(world);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AWS_lost_at_RunTask_fails_the_start_with_that_error_and_names_the_definition_it_could_not_remove(ProxyFault fault)
    {
        var world = await moto.CreateWorldAsync();
        await using var proxy = new FaultyProxy(moto.Endpoint);
        using var platform = ThroughProxy(world, proxy);
        proxy.FaultFrom("ContainerServiceV20141113.RunTask", fault);

        var start = () => platform.StartTaskAsync(Spec(world), CancellationToken.None);

        var failure = (await start.Should().ThrowAsync<AwsException>()).Which;
        failure.Action.Should().Be("ecs:RunTask");
        CleanupFailedException.Of(failure).Should().ContainSingle().Which.What.Should().StartWith("task definition arn:aws:ecs:");

        proxy.Fault = ProxyFault.None;
        await TeardownLeavesNothingAsync(world);
    }

    [Fact]
    public async Task AWS_lost_while_the_log_is_read_fails_the_reading_and_the_clean_up_names_the_definition()
    {
        var world = await moto.CreateWorldAsync();
        await using var proxy = new FaultyProxy(moto.Endpoint);
        using var platform = ThroughProxy(world, proxy);
        var run = await platform.StartTaskAsync(Spec(world), CancellationToken.None);
        await run.WaitAsync(CancellationToken.None);

        proxy.Fault = ProxyFault.Reset;
        var read = async () =>
        {
            await foreach (var _ in run.ReadLogAsync(CancellationToken.None))
            {
            }
        };

        (await read.Should().ThrowAsync<AwsException>()).Which.Action.Should().StartWith("logs:");
        var cleanup = async () => await run.DisposeAsync();
        (await cleanup.Should().ThrowAsync<CleanupFailedException>()).Which.Leftovers.Should().ContainSingle()
            .Which.What.Should().StartWith("task definition ", "the task had stopped, so only its definition was left");

        proxy.Fault = ProxyFault.None;
        await TeardownLeavesNothingAsync(world);
    }

    [Fact]
    public async Task AWS_lost_at_image_push_fails_the_push_with_the_ECR_error_and_leaves_nothing()
    {
        var world = await moto.CreateWorldAsync();
        await using var proxy = new FaultyProxy(moto.Endpoint);
        using var platform = ThroughProxy(world, proxy);
        proxy.Fault = ProxyFault.Refuse;

        var publish = () => platform.PublishImageAsync("slipway/app:feature-x-abc1234", world.Owner(Branch), CancellationToken.None);

        (await publish.Should().ThrowAsync<AwsException>()).Which.Action.Should().StartWith("ecr:");
        proxy.Fault = ProxyFault.None;
        await TeardownLeavesNothingAsync(world);
    }

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task AWS_lost_during_Teardown_still_tries_every_step_and_names_each_leftover_then_a_second_Teardown_removes_them(ProxyFault fault)
    {
        var world = await moto.CreateWorldAsync();
        await using var proxy = new FaultyProxy(moto.Endpoint);
        using var platform = ThroughProxy(world, proxy);
        var run = await platform.StartTaskAsync(Spec(world), CancellationToken.None);
        var owned = await platform.ListOwnedAsync(world.App, Branch, CancellationToken.None);
        owned.Should().Contain(resource => resource.Type == FargateResourceTypes.Task && resource.Id == run.Id);
        owned.Should().Contain(resource => resource.Type == FargateResourceTypes.TaskDefinition);

        proxy.Fault = fault;
        var teardown = () => platform.RemoveAsync(owned, CancellationToken.None);

        (await teardown.Should().ThrowAsync<CleanupFailedException>()).Which.Leftovers.Select(leftover => leftover.What)
            .Should().Equal(owned.Select(resource => $"{(resource.Type == FargateResourceTypes.Task ? "task" : "task definition")} {resource.Id}"));

        proxy.Fault = ProxyFault.None;
        await TeardownLeavesNothingAsync(world);
    }

    private static TaskSpec Spec(MotoWorld world) => new("feature-x", "repo/app:feature-x-abc1234", TaskKind.Tests, world.Owner(Branch));

    // Calls through the proxy give up within seconds, so that every fault ends soon; an attempt still has
    // long enough for a busy emulator to answer (moto ignores RunTask's client token, so a retried RunTask starts a second task).
    private FargatePlatform ThroughProxy(MotoWorld world, FaultyProxy proxy) => new(
        world.Settings with { UnreachableBudget = TimeSpan.FromMilliseconds(200) },
        new NoImageStore(),
        moto.Options() with
        {
            EndpointUrl = proxy.Url,
            Retry = new AwsRetryOptions(3, TimeSpan.Zero, TimeSpan.Zero, MaxTotal: TimeSpan.FromSeconds(4), AttemptTimeout: TimeSpan.FromSeconds(3)),
        });

    private async Task<string> OnlyDefinitionAsync(MotoWorld world)
    {
        using var direct = world.Platform();
        var owned = await direct.ListOwnedAsync(world.App, Branch, CancellationToken.None);
        return owned.Single(resource => resource.Type == FargateResourceTypes.TaskDefinition).Id;
    }

    // The census: Teardown straight to the emulator, then nothing of the branch is found.
    private static async Task TeardownLeavesNothingAsync(MotoWorld world)
    {
        using var direct = world.Platform();
        var owned = await direct.ListOwnedAsync(world.App, Branch, CancellationToken.None);
        await direct.RemoveAsync(owned, CancellationToken.None);

        (await direct.ListOwnedAsync(world.App, Branch, CancellationToken.None)).Should().BeEmpty();
    }
}
