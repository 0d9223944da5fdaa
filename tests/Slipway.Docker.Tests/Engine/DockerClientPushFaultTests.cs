using System.Diagnostics;
using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Engine;

/// <summary>
/// A push through a TCP proxy of the tests' own in front of the registry, which resets or stalls the
/// connections from the first layer upload of the pushed repository on: the push ends within a bound, with
/// one sentence naming the registry and what went wrong.
/// </summary>
[Collection(DockerCollection.Name)]
public sealed class DockerClientPushFaultTests(DockerFixture docker, RegistryFixture registry)
{
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_registry_that_resets_mid_push_fails_the_push_after_the_engines_retries_naming_the_registry()
    {
        await using var proxy = new FaultyProxy(new Uri($"http://{registry.Address}/"));
        var reference = await TagForAsync(proxy, "reset");
        proxy.FaultFrom("/blobs/uploads/", ProxyFault.Reset);
        var watch = Stopwatch.StartNew();

        var push = () => docker.Client.PushImageAsync(reference, credentials: null, null, CancellationToken.None);

        var failure = (await push.Should().ThrowAsync<DockerException>()).Which;
        failure.Message.Should().StartWith($"Pushing {reference} failed: ").And.Contain("reset");
        proxy.Triggered.Should().BeGreaterThan(1, "the engine tried the upload again before it gave up");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(3), "the engine's retries are bounded");
    }

    [Fact]
    public async Task A_registry_that_stalls_mid_push_fails_the_push_once_nothing_moved_for_the_silence_limit()
    {
        await using var proxy = new FaultyProxy(new Uri($"http://{registry.Address}/"));
        var reference = await TagForAsync(proxy, "stall");
        proxy.FaultFrom("/blobs/uploads/", ProxyFault.Stall);
        using var client = new DockerClient(docker.Client.Endpoint) { PushSilenceLimit = Silence };
        var watch = Stopwatch.StartNew();

        var push = () => client.PushImageAsync(reference, credentials: null, null, CancellationToken.None);

        (await push.Should().ThrowAsync<DockerException>()).Which.Message.Should().Be(
            $"Pushing {reference} stalled: the registry {proxy.Url.Authority} sent nothing for 10 s; check the registry and the network to it.");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromMinutes(2), "the push ends soon after the silence limit");
    }

    // An image of its own, so that its layers are uploaded to a repository that has none of them yet.
    private async Task<string> TagForAsync(FaultyProxy proxy, string name)
    {
        var reference = $"{proxy.Url.Authority}/slipway-test/faulty-{name}-{Guid.NewGuid().ToString("N")[..8]}:{docker.TestId[..12]}";
        await docker.Client.TagImageAsync(docker.BaseImage, reference, CancellationToken.None);
        return reference;
    }
}
