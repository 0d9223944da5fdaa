using System.Net.Http.Headers;
using System.Text.Json;
using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Engine;

[Collection(DockerCollection.Name)]
public sealed class DockerClientPushTests(DockerFixture docker, RegistryFixture registry)
{
    private const string ManifestV2 = "application/vnd.docker.distribution.manifest.v2+json";

    [Fact]
    public async Task PushImageAsync_ToARegistry_ReturnsTheDigestTheRegistryServes()
    {
        var tag = docker.TestId[..12];
        var reference = $"{registry.Address}/slipway-test/pushed:{tag}";
        await docker.Client.TagImageAsync(docker.BaseImage, reference, CancellationToken.None);
        var progress = new List<string>();

        var digest = await docker.Client.PushImageAsync(reference, credentials: null, progress.Add, CancellationToken.None);

        digest.Should().MatchRegex("^sha256:[0-9a-f]{64}$");
        progress.Should().Contain(line => line.Contains("digest: " + digest, StringComparison.Ordinal));
        var tags = JsonDocument.Parse(await registry.Http.GetStringAsync($"http://{registry.Address}/v2/slipway-test/pushed/tags/list"));
        tags.RootElement.GetProperty("tags").EnumerateArray().Select(item => item.GetString()).Should().Contain(tag);
        using var manifestRequest = new HttpRequestMessage(HttpMethod.Head, $"http://{registry.Address}/v2/slipway-test/pushed/manifests/{tag}");
        manifestRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(ManifestV2));
        using var manifest = await registry.Http.SendAsync(manifestRequest);
        manifest.Headers.GetValues("Docker-Content-Digest").Should().Equal(digest);
        (await docker.Client.InspectImageAsync(reference, CancellationToken.None)).RepoDigests
            .Should().Contain($"{registry.Address}/slipway-test/pushed@{digest}");
    }

    [Fact]
    public async Task PushImageAsync_ReferenceNotInTheEngine_FailsWithOneSentence()
    {
        var reference = $"{registry.Address}/slipway-test/never-built:nope";

        var push = () => docker.Client.PushImageAsync(reference, credentials: null, null, CancellationToken.None);

        (await push.Should().ThrowAsync<DockerException>()).Which.Message.Should().Contain("slipway-test/never-built");
    }
}
