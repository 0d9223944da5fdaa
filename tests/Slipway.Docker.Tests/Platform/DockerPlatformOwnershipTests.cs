using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

[Collection(DockerCollection.Name)]
public sealed class DockerPlatformOwnershipTests(DockerFixture docker)
{
    private DockerPlatform Platform => new(docker.Client, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = docker.TestLabels });

    [Fact]
    public async Task ListOwnedAsync_ThenRemoveAsync_LeavesNothingOfTheBranchAndKeepsOtherBranches()
    {
        var app = "owned-" + docker.TestId[..8];
        var branch = new Ownership(app, "feature/owned", "run-1");
        var otherBranch = new Ownership(app, "feature/other", "run-2");
        var task = await Platform.StartTaskAsync(new TaskSpec("idle", docker.BaseImage, TaskKind.Tests, branch, ["sleep", "300"]), CancellationToken.None);
        var service = await Platform.StartServiceAsync(new ServiceSpec("owned-" + docker.TestId[..8], docker.BaseImage, branch), CancellationToken.None);
        var image = await BuildOwnedImageAsync(branch);
        var otherTask = await Platform.StartTaskAsync(new TaskSpec("other", docker.BaseImage, TaskKind.Tests, otherBranch, ["true"]), CancellationToken.None);

        var owned = await Platform.ListOwnedAsync(app, branch.Branch, CancellationToken.None);

        owned.Select(resource => (resource.Type, resource.Id)).Should().BeEquivalentTo(
            [("container", task.Id), ("container", service.ResourceId), ("image", image)]);
        owned.Should().OnlyContain(resource => resource.Label(Ownership.BranchLabel) == branch.Branch);
        owned.Should().OnlyContain(resource => resource.Labels.Keys.All(key => key.StartsWith("slipway:")));

        await Platform.RemoveAsync(owned, CancellationToken.None);

        (await Platform.ListOwnedAsync(app, branch.Branch, CancellationToken.None)).Should().BeEmpty();
        (await Platform.ListOwnedAsync(app, null, CancellationToken.None)).Select(resource => resource.Id).Should().Equal(otherTask.Id);
    }

    [Fact]
    public async Task RemoveAsync_ResourcesAlreadyGone_IsNotAnError()
    {
        var owner = new Ownership("gone-" + docker.TestId[..8], "feature/gone", "run-1");
        var task = await Platform.StartTaskAsync(new TaskSpec("gone", docker.BaseImage, TaskKind.Tests, owner, ["true"]), CancellationToken.None);
        var owned = await Platform.ListOwnedAsync(owner.App, null, CancellationToken.None);
        await task.DisposeAsync();

        var remove = () => Platform.RemoveAsync([.. owned, new OwnedResource("image", "sha256:" + new string('0', 64), owner.ToLabels("image"))], CancellationToken.None);

        await remove.Should().NotThrowAsync();
    }

    private async Task<string> BuildOwnedImageAsync(Ownership owner)
    {
        // A LABEL-only build adds no layer, so it costs nothing on the vfs driver.
        var context = new BuildContext().AddFile("Dockerfile", $"FROM {docker.BaseImage}\nLABEL purpose=ownership-test\n");
        var request = new DockerBuildRequest(context)
        {
            Tags = [$"slipway-test/owned:{docker.TestId[..12]}"],
            Labels = docker.LabelsWith(owner.ToLabels("image")),
        };
        return await docker.Client.BuildImageAsync(request, null, CancellationToken.None);
    }
}
