using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientSystemTests(DockerFixture docker)
{
    [Fact]
    public async Task PingAsync_RunningEngine_Answers()
    {
        await docker.Client.Invoking(client => client.PingAsync(CancellationToken.None)).Should().NotThrowAsync();
    }

    [Fact]
    public async Task GetVersionAsync_ReportsTheEngineAndItsApiVersions()
    {
        var version = await docker.Client.GetVersionAsync(CancellationToken.None);

        version.Version.Should().NotBeNullOrWhiteSpace();
        version.Os.Should().Be("linux");
        Version.Parse(version.ApiVersion).Should().BeGreaterThanOrEqualTo(new Version(1, 41), "Slipway is tested against Docker 20.10 and later");
    }

    [Fact]
    public async Task GetStorageDriverAsync_NamesTheEnginesDriver()
    {
        var driver = await docker.Client.GetStorageDriverAsync(CancellationToken.None);

        driver.Should().BeOneOf("overlay2", "vfs", "btrfs", "zfs", "fuse-overlayfs", "devicemapper");
    }
}
