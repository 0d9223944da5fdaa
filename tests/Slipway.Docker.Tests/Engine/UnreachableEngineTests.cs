using System.Net.Sockets;
using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class UnreachableEngineTests
{
    [Fact]
    public async Task PingAsync_DockerHostNamesAMissingSocket_FailsWithOneSentenceSayingWhereItLooked()
    {
        using var client = new DockerClient(DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? "unix:///nonexistent" : null));

        var ping = () => client.PingAsync(CancellationToken.None);

        (await ping.Should().ThrowAsync<DockerException>()).Which.Message.Should().Be(
            "Cannot reach the Docker engine at unix:///nonexistent: start it (sudo systemctl start docker, or `dockerd &`) or set DOCKER_HOST.");
    }

    [Fact]
    public async Task ListContainersAsync_NothingListeningOnTheTcpPort_FailsWithTheSameSentence()
    {
        using var client = new DockerClient(DockerEndpoint.Parse($"tcp://127.0.0.1:{LoopbackPort.Free()}"));

        var list = () => client.ListContainersAsync(null, CancellationToken.None);

        (await list.Should().ThrowAsync<DockerException>()).Which.Message.Should().StartWith("Cannot reach the Docker engine at tcp://127.0.0.1:")
            .And.EndWith("or set DOCKER_HOST.");
    }
}
