using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class DockerEndpointTests
{
    [Fact]
    public void FromEnvironment_WithoutDockerHost_UsesTheDefaultSocket()
    {
        var endpoint = DockerEndpoint.FromEnvironment(_ => null);

        endpoint.SocketPath.Should().Be("/var/run/docker.sock");
        endpoint.Address.Should().Be("unix:///var/run/docker.sock");
    }

    [Fact]
    public void FromEnvironment_UnixDockerHost_UsesThatSocket()
    {
        var endpoint = DockerEndpoint.FromEnvironment(name => name == "DOCKER_HOST" ? "unix:///run/user/1000/docker.sock" : null);

        endpoint.SocketPath.Should().Be("/run/user/1000/docker.sock");
    }

    [Theory]
    [InlineData("tcp://127.0.0.1:2376", "tcp://127.0.0.1:2376")]
    [InlineData("tcp://127.0.0.1", "tcp://127.0.0.1:2375")]
    [InlineData("tcp://[::1]:2375/", "tcp://[::1]:2375")]
    public void Parse_TcpDockerHost_SpeaksPlainHttpToThatPort(string dockerHost, string address)
    {
        var endpoint = DockerEndpoint.Parse(dockerHost);

        endpoint.SocketPath.Should().BeNull();
        endpoint.Uri.Should().Be(new Uri(address));
        endpoint.Address.Should().Be(address);
    }

    [Theory]
    [InlineData("npipe:////./pipe/docker_engine")]
    [InlineData("ssh://me@build-box")]
    [InlineData("unix://relative.sock")]
    public void Parse_UnsupportedDockerHost_SaysWhatIsSupported(string dockerHost)
    {
        var parse = () => DockerEndpoint.Parse(dockerHost);

        parse.Should().Throw<DockerException>()
            .WithMessage($"DOCKER_HOST '{dockerHost}' is not supported: use unix:///path/to/docker.sock or tcp://127.0.0.1:PORT.");
    }
}
