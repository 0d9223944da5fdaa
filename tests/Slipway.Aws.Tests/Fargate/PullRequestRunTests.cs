using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;
using Xunit.Abstractions;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>
/// One PullRequest run on the AWS platform, as the pipeline drives it: publish the image, then the tests
/// task, the analysis task and the playground side by side; then Teardown. Counts the AWS calls each
/// part makes (docs/performance.md quotes them) and checks that teardown leaves nothing of the branch.
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class PullRequestRunTests(MotoFixture moto, RegistryFixture registry, ITestOutputHelper output)
{
    [Fact]
    public async Task A_pull_request_run_makes_a_fixed_set_of_calls_besides_polling_and_teardown_leaves_nothing_of_the_branch()
    {
        var world = await moto.CreateWorldAsync();
        await using var store = new DockerCliImageStore();
        using var recorder = new RecordingHandler();
        var settings = world.Settings with { RegistryHost = registry.Host };
        using var platform = world.Platform(settings, store, recorder);
        var owner = world.Owner("feature/x", "run-7");

        var image = await platform.PublishImageAsync(registry.LocalImage, owner, CancellationToken.None);
        await moto.Api.PutImageAsync(world.Repository, image.Split(':')[^1]); // what ECR records when the push reaches it
        var results = await Task.WhenAll(
            RunTaskAsync(platform, world, new TaskSpec("feature-x", image, TaskKind.Tests, owner)),
            RunTaskAsync(platform, world, new TaskSpec("feature-x", image, TaskKind.Analysis, owner)),
            StartPlaygroundAsync(platform, image, owner));
        var run = recorder.CountByAction();
        recorder.Clear();

        var owned = await platform.ListOwnedAsync(world.App, "feature/x", CancellationToken.None);
        await platform.RemoveAsync(owned, CancellationToken.None);
        var teardown = recorder.CountByAction();
        Report("PullRequest run", run);
        Report("Teardown", teardown);

        results.Should().OnlyContain(result => result);
        run.Should().Contain(new Dictionary<string, int>
        {
            ["ecr:DescribeRepositories"] = 1,
            ["ecr:CreateRepository"] = 1,
            ["ecr:GetAuthorizationToken"] = 1,
            ["logs:CreateLogGroup"] = 1,
            ["logs:PutRetentionPolicy"] = 1,
            ["ecs:RegisterTaskDefinition"] = 3,
            ["ecs:RunTask"] = 3,
            ["ecs:DeregisterTaskDefinition"] = 2,
            ["ecs:DeleteTaskDefinitions"] = 2,
            ["ecs:ListTasks"] = 1,
            ["route53:ListHostedZonesByName"] = 1,
            ["route53:ChangeResourceRecordSets"] = 1,
        });
        run["logs:GetLogEvents"].Should().Be(4, "each task's log is one page plus the call that shows the token no longer moves");
        run["ecs:DescribeTasks"].Should().BeInRange(3, 10, "moto moves a task one state per DescribeTasks");
        // moto keeps the desired status of a task that ended by itself at RUNNING, so the finished tests and
        // analysis tasks are listed (and stopped again) too; on ECS only the playground's task is.
        owned.Select(resource => resource.Type).Distinct().Should().BeEquivalentTo("task", "task-definition", "dns-record", "ecr-image");
        owned.Where(resource => resource.Type is "task-definition" or "dns-record").Should().OnlyContain(resource => resource.Label(Ownership.KindLabel) == "playground");
        (await platform.ListOwnedAsync(world.App, "feature/x", CancellationToken.None)).Should().BeEmpty();
        using var clients = moto.Clients();
        (await clients.Ecr.DescribeTaggedImagesAsync(world.Repository, CancellationToken.None)).Should().BeEmpty();
        (await clients.Route53.FindRecordAsync(world.ZoneId, $"feature-x.{world.Domain}", "A", CancellationToken.None)).Should().BeNull();
        var definitionsLeft = await clients.Ecs.ListTaskDefinitionsAsync("ACTIVE", CancellationToken.None);
        definitionsLeft.Should().NotContain(arn => arn.Contains(world.App, StringComparison.Ordinal));
    }

    private async Task<bool> RunTaskAsync(IPlatform platform, MotoWorld world, TaskSpec spec)
    {
        await using var run = await platform.StartTaskAsync(spec, CancellationToken.None);
        await moto.Api.WriteLogAsync(world.LogGroup, $"{world.App}/{spec.Kind.Label()}/{run.Id.Split('/')[^1]}", ["::slipway:: begin tool=phpunit format=junit", "<testsuites/>", "::slipway:: end tool=phpunit exit=0"]);
        var outcome = await run.WaitAsync(CancellationToken.None);
        var lines = 0;
        await foreach (var page in run.ReadLogAsync(CancellationToken.None))
        {
            lines += page.Count;
        }

        return outcome.Succeeded && lines == 3;
    }

    private static async Task<bool> StartPlaygroundAsync(IPlatform platform, string image, Ownership owner)
    {
        var endpoint = await platform.StartServiceAsync(new ServiceSpec("feature-x", image, owner), CancellationToken.None);
        return endpoint.PublicUrl.Host.StartsWith("feature-x.", StringComparison.Ordinal);
    }

    private void Report(string title, IReadOnlyDictionary<string, int> counts)
    {
        output.WriteLine($"{title}: {counts.Values.Sum()} calls");
        foreach (var (action, count) in counts.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {action,-34} {count}");
        }
    }
}
