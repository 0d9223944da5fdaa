using System.Text.Json.Nodes;
using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientAuthenticatedPushTests(DockerFixture docker, AuthenticatedRegistryFixture registry) : IDisposable
{
    private readonly TemporaryFolder dockerConfigFolder = new();

    public void Dispose() => dockerConfigFolder.Dispose();

    [Fact]
    public async Task PushImageAsync_WithTheRegistrysCredentials_IsAccepted()
    {
        var reference = await TagForRegistryAsync("given-credentials");

        var digest = await docker.Client.PushImageAsync(reference, registry.Credentials, null, CancellationToken.None);

        digest.Should().StartWith("sha256:");
    }

    [Fact]
    public async Task PushImageAsync_WithoutCredentials_UsesThoseDockerLoginStored()
    {
        var reference = await TagForRegistryAsync("stored-credentials");
        var auth = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{registry.Credentials.Username}:{registry.Credentials.Password}"));
        var configPath = dockerConfigFolder.Write(
            "config.json",
            new JsonObject { ["auths"] = new JsonObject { [registry.Address] = new JsonObject { ["auth"] = auth } } }.ToJsonString());
        using var client = new DockerClient(DockerEndpoint.FromEnvironment(), new DockerConfigFile(configPath));

        var digest = await client.PushImageAsync(reference, credentials: null, null, CancellationToken.None);

        digest.Should().StartWith("sha256:");
    }

    [Fact]
    public async Task PushImageAsync_WrongPassword_AsksToCheckTheCredentialsWithoutShowingThem()
    {
        var reference = await TagForRegistryAsync("wrong-password");
        var wrong = new RegistryCredentials(AuthenticatedRegistryFixture.Username, "not-the-password-7f3a", registry.Address);

        var push = () => docker.Client.PushImageAsync(reference, wrong, null, CancellationToken.None);

        var failure = (await push.Should().ThrowAsync<DockerException>()).Which;
        failure.Message.Should().StartWith($"Pushing {reference} failed").And.EndWith("check the registry credentials.");
        failure.Message.Should().NotContain("not-the-password-7f3a");
    }

    private async Task<string> TagForRegistryAsync(string name)
    {
        var reference = $"{registry.Address}/slipway-test/{name}:{docker.TestId[..12]}";
        await docker.Client.TagImageAsync(docker.BaseImage, reference, CancellationToken.None);
        return reference;
    }
}
