using System.Text;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Tests.Aws.Fixtures;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>
/// Cron through ./build.sh on --platform aws, against moto: the app's cron runs as a one-off command task of its
/// own (the same path as Run), its words reach the task definition whole, its output comes from CloudWatch to
/// standard output as it was written, and its definition is deleted afterwards.
/// </summary>
[Collection(AwsPipelineCollection.Name)]
public sealed class CronOnAwsTests(AwsPipelineFixture fixture)
{
    [Fact]
    public async Task Cron_OnAws_RunsTheAppsCronInACommandTaskOfItsOwn_PrintsItsCloudWatchLog_AndDeletesItsDefinition()
    {
        var app = Path.Combine(fixture.WorkDirectory, "apps", AwsPipelineFixture.App);
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "drupal-site"), app);
        // Quotes and an ampersand: words no shell may read on their way to the task.
        await File.WriteAllTextAsync(Path.Combine(app, ".slipway.yml"), "cron:\n  command: [php, bin/cron.php, --queue, 'mail & \"digest\"']\n");
        var branch = fixture.NewBranch("aws-cron");
        var slug = new RunIdentity(AwsPipelineFixture.App, branch).Name;
        var family = $"slipway-{AwsPipelineFixture.App}-{slug}";
        string[] target = ["--app", app, "--branch", branch, .. fixture.AwsArguments];
        var playground = await fixture.BuildScript.RunAsync(["Playground", "--base-images", "offline", .. target], fixture.AwsEnvironment);
        playground.ExitCode.Should().Be(0, playground.ToString());
        await fixture.RecordPushesInEcrAsync(slug);

        RawBuildScriptResult cron;
        string stream;
        // The definition is deleted with the command, and moto describes no deleted one: it is read from moto's answer to its registration.
        await using var ecs = new MotoRecorder(fixture.Moto.Endpoint);
        var registering = ecs.NextCallAsync("RegisterTaskDefinition", asked => asked["family"]?.GetValue<string>().StartsWith($"{family}-command", StringComparison.Ordinal) == true);
        var throughRecorder = new Dictionary<string, string>(fixture.AwsEnvironment) { ["AWS_ENDPOINT_URL_ECS"] = ecs.Url.ToString() };
        await using (var tasks = new TaskLogPlayer(fixture.Aws, AwsPipelineFixture.Cluster, AwsPipelineFixture.LogGroup, AwsPipelineFixture.App,
            [new TaskScript($"{family}-command", "command", ["mail queue: 3 sent", "digest: nothing to send"])]))
        {
            cron = await fixture.BuildScript.RunKeepingStandardOutputAsync(["Cron", .. target], throughRecorder);
            stream = tasks.StreamsWritten.GetValueOrDefault($"{family}-command") ?? "";
        }

        cron.ExitCode.Should().Be(0, cron.ToString());
        Encoding.UTF8.GetString(cron.StandardOutput).Should().Be("mail queue: 3 sent\ndigest: nothing to send\n", "standard output is the task's log alone");
        stream.Should().NotBeEmpty("the cron ran as a task of the command family");
        var task = (await fixture.Aws.RunAsync("ecs", "describe-tasks", "--cluster", AwsPipelineFixture.Cluster, "--tasks", stream.Split('/')[^1]))!["tasks"]![0]!;
        task["lastStatus"]!.GetValue<string>().Should().Be("STOPPED");
        registering.IsCompleted.Should().BeTrue("the command's task definition was registered through ECS");
        var registered = (await registering).Answer["taskDefinition"]!;
        registered["taskDefinitionArn"]!.GetValue<string>().Should().Be(task["taskDefinitionArn"]!.GetValue<string>());
        registered["containerDefinitions"]![0]!["command"]!.AsArray().Select(word => word!.GetValue<string>())
            .Should().Equal("php", "bin/cron.php", "--queue", "mail & \"digest\"");
        (await fixture.Aws.ListAsync("taskDefinitionArns", "ecs", "list-task-definitions", "--family-prefix", $"{family}-command", "--status", "ACTIVE"))
            .Should().BeEmpty("a command's definition goes when the command ends");

        var teardown = await fixture.BuildScript.RunAsync(["Teardown", .. target], fixture.AwsEnvironment);
        teardown.ExitCode.Should().Be(0, teardown.ToString());
        (await fixture.Aws.ListAsync("taskDefinitionArns", "ecs", "list-task-definitions", "--family-prefix", family, "--status", "ACTIVE")).Should().BeEmpty();
    }
}
