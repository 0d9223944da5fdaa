using System.Text;
using System.Text.Json.Nodes;
using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Engine;

public sealed class DockerConfigFileTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string WriteConfig(string registry, string auth) =>
        folder.Write("config.json", new JsonObject { ["auths"] = new JsonObject { [registry] = new JsonObject { ["auth"] = auth } } }.ToJsonString());

    [Theory]
    [InlineData("127.0.0.1:5000")]
    [InlineData("http://127.0.0.1:5000")]
    [InlineData("https://127.0.0.1:5000/v2/")]
    public void FindCredentials_StoredByDockerLogin_AreFoundForTheRegistryHost(string storedUnder)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("ci-bot:s3cr3t:with-colon"));
        var config = new DockerConfigFile(WriteConfig(storedUnder, auth));

        var credentials = config.FindCredentials("127.0.0.1:5000");

        credentials.Should().Be(new RegistryCredentials("ci-bot", "s3cr3t:with-colon", "127.0.0.1:5000"));
    }

    [Fact]
    public void FindCredentials_OtherRegistryOrNoFile_FindsNone()
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("ci-bot:secret"));
        var config = new DockerConfigFile(WriteConfig("registry.example.com", auth));

        config.FindCredentials("127.0.0.1:5000").Should().BeNull();
        new DockerConfigFile(Path.Combine(folder.Path, "missing.json")).FindCredentials("127.0.0.1:5000").Should().BeNull();
    }
}
