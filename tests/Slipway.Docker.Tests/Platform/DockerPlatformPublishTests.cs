using System.Text.Json;
using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

[Collection(DockerCollection.Name)]
public sealed class DockerPlatformPublishTests(DockerFixture docker, RegistryFixture registry)
{
    private readonly Ownership owner = new("publish-test", "feature/publish", "run-1");

    [Fact]
    public async Task PublishImageAsync_WithoutRegistry_ReturnsTheLocalReference()
    {
        var platform = new DockerPlatform(docker.Client);

        var published = await platform.PublishImageAsync(docker.BaseImage, owner, CancellationToken.None);

        published.Should().Be(docker.BaseImage);
        platform.Name.Should().Be("local");
    }

    [Fact]
    public async Task PublishImageAsync_WithRegistry_PushesUnderTheRegistryAndReturnsThatReference()
    {
        var platform = new DockerPlatform(docker.Client, new DockerPlatformOptions { Registry = registry.Address });

        var published = await platform.PublishImageAsync(docker.BaseImage, owner, CancellationToken.None);

        published.Should().Be($"{registry.Address}/{docker.BaseImage}");
        var tags = JsonDocument.Parse(await registry.Http.GetStringAsync($"http://{registry.Address}/v2/slipway-test/busybox/tags/list"));
        tags.RootElement.GetProperty("tags").EnumerateArray().Select(tag => tag.GetString()).Should().Contain(docker.TestId[..12]);
    }
}
