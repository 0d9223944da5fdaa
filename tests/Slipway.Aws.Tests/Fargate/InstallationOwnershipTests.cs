using Slipway.Aws.Fargate;
using Slipway.Aws.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fargate;

/// <summary>
/// Two installations (two work directories, two users) sharing one AWS account, cluster and hosted zone: each touches
/// only what carries its own installation id (issue 20, finding 8).
/// </summary>
[Collection(AwsCollection.Name)]
public sealed class InstallationOwnershipTests(MotoFixture moto)
{
    private const string Ours = "1111aaaa2222bbbb";
    private const string Theirs = "3333cccc4444dddd";

    [Fact]
    public async Task Teardown_of_all_from_one_installation_leaves_the_other_installations_playground_of_the_same_app_and_branch()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        using var ours = world.Platform(InDomain(world, "ours"), installation: Ours);
        using var theirs = world.Platform(InDomain(world, "theirs"), installation: Theirs);
        await ours.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:x-1111111", world.Owner()), CancellationToken.None);
        var theirEndpoint = await theirs.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:x-1111111", world.Owner()), CancellationToken.None);
        await clients.Ecr.CreateRepositoryAsync(world.Repository, CancellationToken.None);
        var ourImage = ImageOwnershipTag.For("feature-x-1111111", world.App, "feature/x", Ours);
        var theirImage = ImageOwnershipTag.For("feature-x-1111111", world.App, "feature/x", Theirs);
        await moto.Api.PutImageAsync(world.Repository, ourImage); // what ECR records when each installation's push reaches it
        await moto.Api.PutImageAsync(world.Repository, theirImage);
        var theirsBefore = await theirs.ListOwnedAsync(world.App, branch: null, CancellationToken.None);

        var ourAll = await ours.ListOwnedAsync(world.App, branch: null, CancellationToken.None);
        await ours.RemoveAsync(ourAll, CancellationToken.None);

        ourAll.Should().OnlyContain(resource => resource.Label(Ownership.InstallationLabel) == Ours);
        ourAll.Select(resource => resource.Id).Should().NotIntersectWith(theirsBefore.Select(resource => resource.Id));
        (await ours.ListOwnedAsync(world.App, branch: null, CancellationToken.None)).Should().BeEmpty();
        (await clients.Route53.FindRecordAsync(world.ZoneId, $"feature-x.ours.{world.Domain}", "A", CancellationToken.None)).Should().BeNull();

        var theirsAfter = await theirs.ListOwnedAsync(world.App, branch: null, CancellationToken.None);
        theirsAfter.Select(resource => resource.Id).Should().BeEquivalentTo(theirsBefore.Select(resource => resource.Id));
        theirsAfter.Select(resource => resource.Type).Should().BeEquivalentTo("task", "task-definition", "dns-record", "dns-record", "ecr-image");
        ourAll.Where(resource => resource.Type == "ecr-image").Select(resource => resource.Id).Should().Equal($"{world.Repository}:{ourImage}");
        (await clients.Ecr.DescribeTaggedImagesAsync(world.Repository, CancellationToken.None)).SelectMany(image => image.ImageTags ?? []).Should().Equal(theirImage);
        var theirTask = (await clients.Ecs.DescribeTasksAsync(world.Cluster, [theirEndpoint.ResourceId], includeTags: false, CancellationToken.None)).Single();
        // moto moves a task towards STOPPED on every DescribeTasks by itself; what StopTask sets is the desired status and reason.
        theirTask.DesiredStatus.Should().Be("RUNNING", "nobody stopped the other installation's playground");
        theirTask.StoppedReason.Should().BeNullOrEmpty();
        (await clients.Route53.FindRecordAsync(world.ZoneId, $"feature-x.theirs.{world.Domain}", "A", CancellationToken.None)).Should().NotBeNull();
        (await moto.Api.TaskDefinitionStatusAsync(theirsAfter.Single(resource => resource.Type == "task-definition").Id)).Should().Be("ACTIVE");
    }

    [Fact]
    public async Task A_playground_host_another_installation_holds_is_refused_and_its_record_and_task_stay()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        using var theirs = world.Platform(installation: Theirs);
        using var ours = world.Platform(installation: Ours);
        var theirEndpoint = await theirs.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:x", world.Owner()), CancellationToken.None);
        var host = $"feature-x.{world.Domain}";
        var theirRecord = await clients.Route53.FindRecordAsync(world.ZoneId, host, "A", CancellationToken.None);

        var start = () => ours.StartServiceAsync(new ServiceSpec("feature-x", "repo/app:x", world.Owner(run: "run-2")), CancellationToken.None);

        (await start.Should().ThrowAsync<AwsException>()).Which.Message.Should()
            .Be($"The playground host {host} belongs to another Slipway installation ({Theirs}) that shares the hosted zone: tear it down there, or give this installation a Domain of its own.");
        (await clients.Route53.FindRecordAsync(world.ZoneId, host, "A", CancellationToken.None))!.Values.Should().Equal(theirRecord!.Values);
        (await clients.Ecs.DescribeTasksAsync(world.Cluster, [theirEndpoint.ResourceId], includeTags: false, CancellationToken.None)).Single().DesiredStatus.Should().Be("RUNNING");
        (await ours.ListOwnedAsync(world.App, branch: null, CancellationToken.None)).Should().BeEmpty("the refused start removed the task definition it registered");
    }

    [Fact]
    public async Task Resources_made_before_installations_had_ids_are_left_alone_by_an_installations_teardown()
    {
        var world = await moto.CreateWorldAsync();
        using var before = world.Platform(installation: null);
        using var ours = world.Platform(installation: Ours);
        await before.StartServiceAsync(new ServiceSpec("old", "repo/app:old", world.Owner("old")), CancellationToken.None);

        (await ours.ListOwnedAsync(world.App, branch: null, CancellationToken.None)).Should().BeEmpty();
        (await before.ListOwnedAsync(world.App, "old", CancellationToken.None)).Select(resource => resource.Type)
            .Should().BeEquivalentTo("task", "task-definition", "dns-record");
    }

    private static AwsSettings InDomain(MotoWorld world, string name) => world.Settings with { Domain = $"{name}.{world.Domain}" };
}
