using System.Text.Json;
using System.Text.Json.Nodes;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Tests.Aws.Fixtures;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>
/// The PullRequest pipeline through ./build.sh on --platform aws, against moto: real builds and images on
/// the local engine, tasks and the playground on "Fargate", results from "CloudWatch", the playground's
/// record in "Route53"; then Teardown. Where moto cannot play AWS, the test plays it openly: it writes the
/// tasks' log lines, the local registry takes the pushes, and the playground is probed on a loopback stand-in.
/// </summary>
[Collection(AwsPipelineCollection.Name)]
public sealed class PullRequestOnAwsTests(AwsPipelineFixture fixture)
{
    private static readonly string FamilyPrefix = $"slipway-{AwsPipelineFixture.App}-";

    [Fact]
    public async Task PullRequest_OnAws_RunsTheTasksOnFargate_ReportsTheirResultsFromCloudWatch_NamesThePlaygroundInRoute53_AndTeardownLeavesNothing()
    {
        var branch = fixture.NewBranch("aws-pr");
        var slug = new RunIdentity(AwsPipelineFixture.App, branch).Name;
        var family = $"{FamilyPrefix}{slug}";
        var host = $"{slug}.{AwsPipelineFixture.Domain}";

        BuildScriptResult run;
        IReadOnlyDictionary<string, string> streams;
        await using (var tasks = new TaskLogPlayer(fixture.Aws, AwsPipelineFixture.Cluster, AwsPipelineFixture.LogGroup, AwsPipelineFixture.App,
            [TaskScripts.Tests($"{family}-tests"), TaskScripts.Analysis($"{family}-analysis")]))
        {
            run = await fixture.BuildScript.RunAsync(["PullRequest", "--branch", branch, "--base-images", "offline", .. fixture.AwsArguments], fixture.AwsEnvironment);
            streams = new Dictionary<string, string>(tasks.StreamsWritten);
        }

        run.ExitCode.Should().Be(3, $"its one failing test is a red check; the run still goes to its end: {run}");

        // The tests and analysis tasks were registered and run, waited for until they stopped, and their definitions removed.
        streams.Keys.Should().BeEquivalentTo([$"{family}-tests", $"{family}-analysis"], "a task of each family ran");
        foreach (var stream in streams.Values)
        {
            (await TaskStatusAsync(stream.Split('/')[^1])).Should().Be("STOPPED");
            fixture.Logs.PagesAsked(stream).Should().BeGreaterThan(2, $"{stream} is read page by page, {AwsPipelineFixture.LogPageSize} events a page");
        }

        (await ActiveDefinitionsAsync($"{family}-tests")).Should().BeEmpty("a test task's definition goes when its run is done");
        (await ActiveDefinitionsAsync($"{family}-analysis")).Should().BeEmpty();

        // Their results, read back from the log pages, are the run's report.
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.json"))))
        {
            var root = report.RootElement;
            root.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeFalse(run.ToString());
            root.GetProperty("tests").GetProperty("total").GetInt32().Should().Be(3);
            var failure = root.GetProperty("failures").EnumerateArray().Should().ContainSingle().Subject;
            failure.GetProperty("name").GetString().Should().Be("testShoutsWhenAsked");
            failure.GetProperty("location").GetString().Should().Be("tests/Unit/GreetingTest.php:28");
            root.GetProperty("findings").EnumerateArray()
                .Select(finding => $"{finding.GetProperty("tool").GetString()} {finding.GetProperty("location").GetString()}")
                .Should().Equal("phpcs web/modules/custom/harbour/src/Greeter.php:14");
        }

        // The playground: its record points at its task, its URL is reported, and it was probed under its name.
        run.Output.Should().Contain($"https://{host}/");
        fixture.Playground.HostsAsked.Should().Contain(host);
        var playgroundTask = (await fixture.Aws.ListAsync("taskArns", "ecs", "list-tasks", "--cluster", AwsPipelineFixture.Cluster, "--family", $"{family}-playground")).Should().ContainSingle().Subject;
        var record = await RecordAsync(host);
        record.Should().NotBeNull("the playground's record is UPSERTed");
        record!["TTL"]!.GetValue<int>().Should().Be(60);
        record["ResourceRecords"]![0]!["Value"]!.GetValue<string>().Should().Be(await PrivateAddressAsync(playgroundTask));
        (await RecordAsync(host, "TXT"))!["ResourceRecords"]![0]!["Value"]!.GetValue<string>().Should()
            .StartWith("\"slipway:installation=", "records carry no tags: the TXT beside the A record names the installation that owns it");

        // The app and tests images went to the registry as two tags, and the playground runs the app's.
        var pushed = await fixture.RecordPushesInEcrAsync(slug);
        pushed.Should().HaveCount(2);
        var playgroundImage = (await fixture.Aws.RunAsync("ecs", "describe-task-definition", "--task-definition", $"{family}-playground"))!["taskDefinition"]!["containerDefinitions"]![0]!["image"]!.GetValue<string>();
        playgroundImage.Should().StartWith($"{fixture.Registry.Host}/{AwsPipelineFixture.Repository}:").And.NotContain("-tests--");
        pushed.Should().Contain(playgroundImage.Split(':')[^1]);
        var census = new BranchCensus(fixture, branch);
        (await census.LocalLeftoversAsync()).Should().NotBeEmpty("the branch's images stay on the engine until Teardown")
            .And.NotContain(left => left.Contains(fixture.Registry.Host, StringComparison.Ordinal), "their registry names served the pushes only");

        var teardown = await fixture.BuildScript.RunAsync(["Teardown", "--branch", branch, .. fixture.AwsArguments], fixture.AwsEnvironment);

        teardown.ExitCode.Should().Be(0, teardown.ToString());
        (await ActiveDefinitionsAsync(family)).Should().BeEmpty();
        (await fixture.Aws.ListAsync("taskArns", "ecs", "list-tasks", "--cluster", AwsPipelineFixture.Cluster, "--desired-status", "RUNNING")).Should().BeEmpty();
        (await fixture.Aws.RunAsync("ecr", "describe-images", "--repository-name", AwsPipelineFixture.Repository))!["imageDetails"]!.AsArray().Should().BeEmpty();
        (await RecordAsync(host)).Should().BeNull("teardown DELETEs the playground's record");
        (await RecordAsync(host, "TXT")).Should().BeNull("and its ownership record");
        (await census.LocalLeftoversAsync()).Should().BeEmpty("Teardown removes the images built for the branch on the local engine too");
    }

    private async Task<string?> TaskStatusAsync(string taskId) =>
        (await fixture.Aws.RunAsync("ecs", "describe-tasks", "--cluster", AwsPipelineFixture.Cluster, "--tasks", taskId))!["tasks"]![0]!["lastStatus"]!.GetValue<string>();

    private async Task<string> PrivateAddressAsync(string taskArn)
    {
        var task = (await fixture.Aws.RunAsync("ecs", "describe-tasks", "--cluster", AwsPipelineFixture.Cluster, "--tasks", taskArn))!["tasks"]![0]!;
        return task["attachments"]![0]!["details"]!.AsArray()
            .Single(detail => detail!["name"]!.GetValue<string>() == "privateIPv4Address")!["value"]!.GetValue<string>();
    }

    private Task<IReadOnlyList<string>> ActiveDefinitionsAsync(string familyPrefix) =>
        fixture.Aws.ListAsync("taskDefinitionArns", "ecs", "list-task-definitions", "--family-prefix", familyPrefix, "--status", "ACTIVE");

    private async Task<JsonNode?> RecordAsync(string host, string type = "A") =>
        (await fixture.Aws.RunAsync("route53", "list-resource-record-sets", "--hosted-zone-id", fixture.ZoneId))!["ResourceRecordSets"]!.AsArray()
            .FirstOrDefault(record => record!["Name"]!.GetValue<string>() == host + "." && record["Type"]!.GetValue<string>() == type);
}
