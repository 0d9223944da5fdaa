using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class ApiVersionNegotiationTests
{
    [Theory]
    [InlineData("1.41", "1.12", "1.41")]
    [InlineData("1.43", "1.12", "1.41")]
    [InlineData("1.40", "1.12", "1.40")]
    public void NegotiateApiVersion_UsesTheLowerOfEngineAndClient(string engine, string minimum, string expected)
    {
        DockerClient.NegotiateApiVersion(engine, minimum).Should().Be(expected);
    }

    [Fact]
    public void NegotiateApiVersion_EngineThatNoLongerSpeaksOurVersion_SaysSo()
    {
        var negotiate = () => DockerClient.NegotiateApiVersion("1.50", "1.44");

        negotiate.Should().Throw<DockerException>().WithMessage("The Docker engine needs API version 1.44 or later*");
    }
}
