using System.Text.Json.Nodes;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>
/// A one-off command on Fargate (<c>Run -- drush cr</c>): a task definition of its own, tagged, that runs the
/// command's words as they are; its output followed from CloudWatch while it runs; the definition deleted after.
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class CommandTaskTests(MotoFixture moto)
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task A_command_task_runs_its_words_in_a_tagged_definition_of_its_own_that_is_deleted_afterwards()
    {
        var world = await moto.CreateWorldAsync();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(handler: recorder);
        var spec = new TaskSpec(
            "feature-x-command", "repo/app:feature-x-abc1234", TaskKind.Command, world.Owner(run: "run-9"),
            ["drush", "php-eval", "echo 'a; b' . $x;"], new Dictionary<string, string> { ["SLIPWAY_BRANCH"] = "feature/x" });

        string definitionArn;
        await using (var run = await platform.StartTaskAsync(spec, CancellationToken.None))
        {
            (await run.WaitAsync(CancellationToken.None)).ExitCode.Should().Be(0);
            var registered = recorder.Calls.Single(call => call.Action == "ecs:RegisterTaskDefinition");
            definitionArn = JsonNode.Parse(registered.ResponseBody)!["taskDefinition"]!["taskDefinitionArn"]!.GetValue<string>();
            var request = JsonNode.Parse(registered.RequestBody)!;
            var container = request["containerDefinitions"]![0]!;

            request["family"]!.GetValue<string>().Should().Be($"slipway-{world.App}-feature-x-command");
            container["name"]!.GetValue<string>().Should().Be("command");
            container["command"]!.AsArray().Select(word => word!.GetValue<string>()).Should().Equal("drush", "php-eval", "echo 'a; b' . $x;");
            request["tags"]!.AsArray().Select(tag => $"{tag!["key"]}={tag["value"]}").Should().BeEquivalentTo(
                $"slipway:app={world.App}", "slipway:branch=feature/x", "slipway:run=run-9", "slipway:kind=command");
        }

        (await moto.Api.TaskDefinitionStatusAsync(definitionArn)).Should().NotBe("ACTIVE").And.NotBe("INACTIVE");
    }

    [Fact]
    public async Task Following_a_command_tasks_log_hands_out_lines_while_it_runs_and_ends_after_it_stopped()
    {
        var world = await moto.CreateWorldAsync();
        using var platform = world.Platform();
        await using var run = await platform.StartTaskAsync(
            new TaskSpec("feature-x-command", "repo/app:feature-x-abc1234", TaskKind.Command, world.Owner(), ["drush", "updb", "-y"]), CancellationToken.None);
        var stream = $"{world.App}/command/{run.Id.Split('/')[^1]}";
        using var limit = new CancellationTokenSource(Bound);
        var received = new List<string>();
        var firstSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var following = Task.Run(async () =>
        {
            await foreach (var page in run.FollowLogAsync(limit.Token))
            {
                lock (received)
                {
                    received.AddRange(page.Select(line => line.Text));
                }

                firstSeen.TrySetResult();
            }
        });

        // Nobody has waited for the task yet, so it has not been seen to stop: the first line must come anyway.
        await moto.Api.WriteLogAsync(world.LogGroup, stream, ["[notice] Updating the database"]);
        await firstSeen.Task.WaitAsync(limit.Token);
        following.IsCompleted.Should().BeFalse("the log is followed until the task stops");
        await moto.Api.AppendLogAsync(world.LogGroup, stream, ["[success] No pending updates."]);

        (await run.WaitAsync(limit.Token)).ExitCode.Should().Be(0);
        await following.WaitAsync(limit.Token);

        received.Should().Equal("[notice] Updating the database", "[success] No pending updates.");
    }
}
