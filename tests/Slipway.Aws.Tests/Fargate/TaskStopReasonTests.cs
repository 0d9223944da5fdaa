using Slipway.Aws.Fargate;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Aws.Tests.Runtime;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>How a task ended, as ECS tells it, for endings moto cannot produce.</summary>
public sealed class TaskStopReasonTests
{
    [Fact]
    public async Task A_task_whose_image_cannot_be_pulled_ends_with_ECS_reason_and_no_exit_code()
    {
        const string reason = "CannotPullContainerError: pull image manifest has been retried 5 time(s): failed to resolve ref 123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:missing: not found";
        var fargate = new ScriptedFargate(
            ScriptedFargate.Task("PROVISIONING"),
            ScriptedFargate.Task("STOPPED", "TaskFailedToStart", reason, $$"""{"name":"tests","lastStatus":"STOPPED","reason":{{System.Text.Json.JsonSerializer.Serialize(reason)}}}"""));

        var outcome = await RunAsync(fargate);

        outcome.Should().Be(new TaskOutcome(null, reason));
        outcome.Succeeded.Should().BeFalse();
    }

    [Fact]
    public async Task A_task_whose_container_exited_reports_the_exit_code_without_ECS_boilerplate()
    {
        var fargate = new ScriptedFargate(
            ScriptedFargate.Task("RUNNING"),
            ScriptedFargate.Task("STOPPED", "EssentialContainerExited", "Essential container in task exited", """{"name":"tests","lastStatus":"STOPPED","exitCode":3}"""));

        var outcome = await RunAsync(fargate);

        outcome.Should().Be(new TaskOutcome(3, null));
    }

    [Fact]
    public async Task A_task_that_DescribeTasks_does_not_know_yet_right_after_RunTask_is_waited_for()
    {
        var fargate = new ScriptedFargate(
            ScriptedFargate.Missing,
            ScriptedFargate.Task("PENDING"),
            ScriptedFargate.Task("STOPPED", "EssentialContainerExited", "Essential container in task exited", """{"name":"tests","lastStatus":"STOPPED","exitCode":0}"""));

        var outcome = await RunAsync(fargate);

        outcome.Should().Be(new TaskOutcome(0, null));
    }

    [Fact]
    public async Task A_container_killed_for_memory_keeps_its_own_reason()
    {
        var fargate = new ScriptedFargate(
            ScriptedFargate.Task("STOPPED", "EssentialContainerExited", "Essential container in task exited",
                """{"name":"tests","lastStatus":"STOPPED","exitCode":137,"reason":"OutOfMemoryError: Container killed due to memory usage"}"""));

        var outcome = await RunAsync(fargate);

        outcome.Should().Be(new TaskOutcome(137, "OutOfMemoryError: Container killed due to memory usage"));
    }

    private static async Task<TaskOutcome> RunAsync(ScriptedFargate fargate)
    {
        await using var endpoint = new FakeAwsEndpoint(fargate.Answer);
        using var platform = new FargatePlatform(ScriptedSettings.Valid, new NoImageStore(), AwsRequestSenderTests.Options(endpoint.Url));
        await using var run = await platform.StartTaskAsync(new TaskSpec("x", "repo/app:x", TaskKind.Tests, new Ownership("app", "x", "1")), CancellationToken.None);
        return await run.WaitAsync(CancellationToken.None);
    }
}
