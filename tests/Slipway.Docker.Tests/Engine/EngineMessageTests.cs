using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class EngineMessageTests
{
    [Theory]
    [InlineData("""{"message":"no such image: nonexist: No such image: nonexist:latest"}""", "No such image: nonexist:latest")]
    [InlineData("""{"message":"No such container: abc"}""", "No such container: abc")]
    [InlineData("""{"message":"page not found"}""", "Page not found")]
    [InlineData("plain text failure", "Plain text failure")]
    public void FromBody_GivesOneReadableSentence(string body, string expected)
    {
        EngineMessage.FromBody(body, 404).Should().Be(expected);
    }

    [Fact]
    public void FromBody_Empty_SaysWhichStatusCameBack()
    {
        EngineMessage.FromBody(string.Empty, 500).Should().Be("The Docker engine answered HTTP 500 without a message");
    }
}
