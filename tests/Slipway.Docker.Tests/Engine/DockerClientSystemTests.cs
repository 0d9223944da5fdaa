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
    public async Task GetVersionAsync_ReportsTheEngineAndTheNegotiatedApiVersion()
    {
        var version = await docker.Client.GetVersionAsync(CancellationToken.None);
        var negotiated = await docker.Client.GetApiVersionAsync(CancellationToken.None);

        version.Version.Should().NotBeNullOrWhiteSpace();
        version.Os.Should().Be("linux");
        Version.Parse(negotiated).Should().Be(Version.Parse(version.ApiVersion) < Version.Parse(DockerClient.TargetApiVersion)
            ? Version.Parse(version.ApiVersion)
            : Version.Parse(DockerClient.TargetApiVersion));
    }
}
