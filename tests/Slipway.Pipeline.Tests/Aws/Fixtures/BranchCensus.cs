using Slipway.Docker.Engine;
using Slipway.Pipeline.Naming;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// Counts what a branch has in the emulator, asked straight from moto with the aws CLI: ACTIVE task
/// definitions of its families, tasks still meant to run, records of its playground (NS and SOA are the
/// zone's own), ECR images of its tags and the SSM parameters holding its tasks' secrets.
/// </summary>
internal sealed class BranchCensus(AwsPipelineFixture fixture, string branch)
{
    private static readonly string[] Kinds = ["tests", "analysis", "playground"];

    public string Slug { get; } = new RunIdentity(AwsPipelineFixture.App, branch).Name;

    /// <summary>The branch's task definition family prefix: slipway-&lt;app&gt;-&lt;slug&gt;.</summary>
    public string Family => $"slipway-{AwsPipelineFixture.App}-{Slug}";

    /// <summary>One line per resource of the branch still in the emulator; empty when nothing is left.</summary>
    public async Task<IReadOnlyList<string>> LeftoversAsync()
    {
        var left = new List<string>();
        var aws = fixture.Aws;
        left.AddRange((await aws.ListAsync("taskDefinitionArns", "ecs", "list-task-definitions", "--family-prefix", Family, "--status", "ACTIVE"))
            .Select(arn => $"ACTIVE task definition {arn}"));
        foreach (var kind in Kinds)
        {
            left.AddRange((await aws.ListAsync("taskArns", "ecs", "list-tasks", "--cluster", AwsPipelineFixture.Cluster, "--family", $"{Family}-{kind}", "--desired-status", "RUNNING"))
                .Select(arn => $"RUNNING task {arn}"));
        }

        left.AddRange((await aws.RunAsync("route53", "list-resource-record-sets", "--hosted-zone-id", fixture.ZoneId))!["ResourceRecordSets"]!.AsArray()
            .Where(record => record!["Type"]!.GetValue<string>() is not ("NS" or "SOA"))
            .Select(record => record!["Name"]!.GetValue<string>())
            .Where(name => name.StartsWith(Slug + ".", StringComparison.Ordinal))
            .Select(name => $"record {name}"));
        left.AddRange((await aws.RunAsync("ecr", "describe-images", "--repository-name", AwsPipelineFixture.Repository))!["imageDetails"]!.AsArray()
            .SelectMany(image => image!["imageTags"]?.AsArray().Select(tag => tag!.GetValue<string>()) ?? [])
            .Where(tag => tag.StartsWith(Slug + "-", StringComparison.Ordinal))
            .Select(tag => $"ECR image {AwsPipelineFixture.Repository}:{tag}"));
        // Task secrets are SSM parameters under /slipway/<app>/<family>/<run>/.
        left.AddRange((await aws.ListAsync("Names", "ssm", "get-parameters-by-path", "--path", $"/slipway/{AwsPipelineFixture.App}", "--recursive", "--query", "{Names: Parameters[].Name}"))
            .Where(name => name.Contains($"/{Family}-", StringComparison.Ordinal))
            .Select(name => $"SSM parameter {name}"));
        return left;
    }

    /// <summary>One line per container or image of the branch on the local engine (builds, images built for AWS); empty when nothing is left.</summary>
    public async Task<IReadOnlyList<string>> LocalLeftoversAsync()
    {
        using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
        var labels = new Dictionary<string, string> { [Ownership.BranchLabel] = branch };
        var containers = await docker.ListContainersAsync(labels, CancellationToken.None);
        var images = await docker.ListImagesAsync(labels, CancellationToken.None);
        return containers.Select(container => $"container {string.Join(",", container.Names)} ({container.State})")
            .Concat(images.Select(image => $"image {string.Join(",", image.RepoTags)}"))
            .ToList();
    }
}
