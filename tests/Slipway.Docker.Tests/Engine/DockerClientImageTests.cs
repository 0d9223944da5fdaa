using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientImageTests(DockerFixture docker)
{
    [Fact]
    public async Task TagImageAsync_ThenInspect_ShowsBothReferencesOnOneImage()
    {
        var extraTag = $"slipway-test/tagged:{docker.TestId[..12]}";

        await docker.Client.TagImageAsync(docker.BaseImage, extraTag, CancellationToken.None);

        var image = await docker.Client.InspectImageAsync(extraTag, CancellationToken.None);
        image.Id.Should().Be((await docker.Client.InspectImageAsync(docker.BaseImage, CancellationToken.None)).Id);
        image.RepoTags.Should().Contain([docker.BaseImage, extraTag]);
        image.Labels.Should().Contain(DockerFixture.TestLabel, docker.TestId);
        image.Size.Should().BeGreaterThan(1_000_000, "the image holds the busybox binary");
    }

    [Fact]
    public async Task RemoveImageAsync_OneOfTwoTags_UntagsOnlyThatOne()
    {
        var extraTag = $"slipway-test/untag-me:{docker.TestId[..12]}";
        await docker.Client.TagImageAsync(docker.BaseImage, extraTag, CancellationToken.None);

        await docker.Client.RemoveImageAsync(extraTag, force: false, noPrune: false, CancellationToken.None);

        (await docker.Client.ImageExistsAsync(extraTag, CancellationToken.None)).Should().BeFalse();
        (await docker.Client.ImageExistsAsync(docker.BaseImage, CancellationToken.None)).Should().BeTrue();
    }

    [Fact]
    public async Task ListImagesAsync_ByLabel_FindsTheTestImages()
    {
        var images = await docker.Client.ListImagesAsync(docker.TestLabels, CancellationToken.None);

        images.Should().Contain(image => image.RepoTags.Contains(docker.BaseImage));
        images.Should().OnlyContain(image => image.Labels[DockerFixture.TestLabel] == docker.TestId);
    }

    [Fact]
    public async Task InspectImageAsync_MissingImage_IsNotFound()
    {
        var inspect = () => docker.Client.InspectImageAsync("slipway-test/never-built:nope", CancellationToken.None);

        (await inspect.Should().ThrowAsync<DockerException>()).Which.IsNotFound.Should().BeTrue();
    }
}
