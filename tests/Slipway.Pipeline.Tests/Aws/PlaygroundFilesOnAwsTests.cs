using System.Text.Json.Nodes;
using System.Web;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Tests.Aws.Fixtures;

namespace Slipway.Pipeline.Tests.Aws;

/// <summary>
/// <c>./build.sh SyncFiles</c> into the local store, then into a bucket, each followed by <c>./build.sh Playground --platform aws</c>, against moto: the Fargate
/// playground is handed the files as a presigned URL of their tarball, kept as an SSM SecureString its task definition
/// names (never as a value in it); the URL, fetched as the task would, answers with the synced file's bytes; Teardown
/// removes the parameter with the playground's other secrets. Files in the local store cannot reach the task: the run says so.
/// moto does not check signatures: that the URL answers proves the key, bucket and expiry in it, not that AWS would accept
/// its signature (the SDK's presigner makes it; the image fetch itself is <c>PlaygroundFilesFetchTests</c>'s).
/// </summary>
[Collection(AwsPipelineCollection.Name)]
public sealed class PlaygroundFilesOnAwsTests(AwsPipelineFixture fixture)
{
    private const string Bucket = "team-files";
    private const string UrlSecret = "SLIPWAY_FILES_URL";

    [Fact]
    public async Task Playground_OnAws_GetsThePresignedUrlOfTheSyncedFilesAsASecret_ThatAnswersWithTheFile_AndTeardownRemovesIt()
    {
        var source = Directory.CreateDirectory(Path.Combine(fixture.WorkDirectory, "files-source")).FullName;
        byte[] logo = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x7F];
        Directory.CreateDirectory(Path.Combine(source, "pictures"));
        await File.WriteAllBytesAsync(Path.Combine(source, "pictures", "logo.png"), logo);
        await fixture.Aws.RunAsync("s3api", "create-bucket", "--bucket", Bucket, "--create-bucket-configuration", $"LocationConstraint={MotoServer.Region}");
        var branch = fixture.NewBranch("aws-files");
        var family = $"slipway-{AwsPipelineFixture.App}-{new RunIdentity(AwsPipelineFixture.App, branch).Name}-playground";
        string[] store = ["--dump-bucket", Bucket, "--dump-prefix", "slipway/"];

        string[] playground = ["Playground", "--branch", branch, "--base-images", "offline", .. fixture.AwsArguments];

        string[] teardownArguments = ["Teardown", "--branch", branch, .. store, .. fixture.AwsArguments];
        var tornDown = false;
        try
        {
            // Files in the local store (no bucket) cannot reach a Fargate task: said once, nothing handed over.
            var localSync = await fixture.BuildScript.RunAsync(["SyncFiles", "--files-source", source], fixture.AwsEnvironment);
            var withoutBucket = await fixture.BuildScript.RunAsync(playground, fixture.AwsEnvironment);
            var secretsWithoutBucket = (await ContainerAsync(family))["secrets"]?.AsArray().Select(entry => entry!["name"]!.GetValue<string>()).ToList() ?? [];
            var sync = await fixture.BuildScript.RunAsync(["SyncFiles", "--files-source", source, .. store], fixture.AwsEnvironment);
            var run = await fixture.BuildScript.RunAsync([.. playground, .. store], fixture.AwsEnvironment);

            localSync.ExitCode.Should().Be(0, localSync.ToString());
            withoutBucket.ExitCode.Should().Be(0, withoutBucket.ToString());
            withoutBucket.Output.Should().Contain("does not get the app's files: it fetches them only from a files store in a bucket (--dump-bucket)");
            secretsWithoutBucket.Should().NotContain(UrlSecret);
            sync.ExitCode.Should().Be(0, sync.ToString());
            run.ExitCode.Should().Be(0, run.ToString());
            run.Output.Should().NotContain("does not get the app's files").And.NotContain("X-Amz-Signature");
            var container = await ContainerAsync(family);
            var secret = container["secrets"]!.AsArray().Should().ContainSingle(entry => entry!["name"]!.GetValue<string>() == UrlSecret).Subject!;
            var environment = container["environment"]!.AsArray().ToDictionary(entry => entry!["name"]!.GetValue<string>(), entry => entry!["value"]!.GetValue<string>());
            environment.Should().NotContainKey(UrlSecret, "a presigned URL is a credential: it is a secret, not a value in the task definition");
            environment["SLIPWAY_FILES_PATH"].Should().Be("web/sites/default/files", "the example's docroot is web/");
            var parameter = ParameterName(secret["valueFrom"]!.GetValue<string>());
            var stored = (await fixture.Aws.RunAsync("ssm", "get-parameter", "--name", parameter, "--with-decryption"))!["Parameter"]!;
            stored["Type"]!.GetValue<string>().Should().Be("SecureString");
            var url = new Uri(stored["Value"]!.GetValue<string>());
            url.Query.Should().Contain("X-Amz-Signature=");
            int.Parse(HttpUtility.ParseQueryString(url.Query)["X-Amz-Expires"]!).Should().BeInRange(3590, 3610, "an hour; the SDK counts it from its own, skew-corrected clock");
            container.ToJsonString().Should().NotContain(url.Query, "the task definition names the parameter only");
            (await Tarball.FetchAsync(url)).Should().ContainSingle(entry => entry.Name == "pictures/logo.png").Which.Content.Should().Equal(logo, "what the task fetches is the synced file");

            var teardown = await fixture.BuildScript.RunAsync(teardownArguments, fixture.AwsEnvironment);
            tornDown = true;

            teardown.ExitCode.Should().Be(0, teardown.ToString());
            (await fixture.Aws.RunAsync("ssm", "get-parameters", "--names", parameter))!["InvalidParameters"]!.AsArray()
                .Select(name => name!.GetValue<string>()).Should().Equal([parameter], "Teardown removes the URL's parameter like the other secrets");
        }
        finally
        {
            // A failed assertion leaves no playground nor parameter behind.
            if (!tornDown)
            {
                await fixture.BuildScript.RunAsync(teardownArguments, fixture.AwsEnvironment);
            }
        }
    }

    private async Task<JsonNode> ContainerAsync(string family) =>
        (await fixture.Aws.RunAsync("ecs", "describe-task-definition", "--task-definition", family))!["taskDefinition"]!["containerDefinitions"]![0]!;

    // valueFrom is the parameter's ARN (arn:aws:ssm:<region>:<account>:parameter/slipway/…) or its name.
    private static string ParameterName(string valueFrom) =>
        valueFrom.Contains(":parameter/", StringComparison.Ordinal) ? valueFrom[(valueFrom.IndexOf(":parameter/", StringComparison.Ordinal) + ":parameter".Length)..] : valueFrom;
}
