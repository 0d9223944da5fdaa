using Slipway.Pipeline.Playground;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Execution;

/// <summary>
/// Against the real Docker engine: a playground container stopped or removed behind Slipway's back, then the service
/// started (issue 20, finding 9).
/// </summary>
public sealed class PlaygroundReconcileTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private BusyboxEngineFixture _engine = null!;

    public async Task InitializeAsync() => _engine = await BusyboxEngineFixture.StartAsync("httpd", "[\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/\"]");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Serve_PlaygroundStoppedBehindItsBack_RunsAgain()
    {
        var (endpoint, record) = await StartPlaygroundAsync();
        await _engine.Docker.StopContainerAsync(endpoint.ResourceId, TimeSpan.FromSeconds(1), CancellationToken.None);
        (await _engine.Docker.InspectContainerAsync(endpoint.ResourceId, CancellationToken.None)).State.Running.Should().BeFalse();

        await using var service = await StartServiceAsync(record);

        await WaitUntilAsync(async () => (await _engine.Docker.InspectContainerAsync(endpoint.ResourceId, CancellationToken.None)).State.Running, "the playground's container runs again");
        var page = await service.Client.GetStringAsync("/playgrounds");
        page.Should().Contain($"href=\"{record.Url}\"").And.NotContain(">down<");
    }

    [Fact]
    public async Task Serve_PlaygroundThatCannotBeStartedAgain_IsShownDownWithoutALink()
    {
        var (endpoint, record) = await StartPlaygroundAsync();
        await _engine.Docker.RemoveContainerAsync(endpoint.ResourceId, force: true, removeVolumes: true, CancellationToken.None);

        await using var service = await StartServiceAsync(record);

        var page = "";
        await WaitUntilAsync(async () => (page = await service.Client.GetStringAsync("/playgrounds")).Contains(">down<"), "the page says the playground is down");
        page.Should().NotContain($"href=\"{record.Url}\"");
    }

    private async Task<(ServiceEndpoint Endpoint, PlaygroundRecord Record)> StartPlaygroundAsync()
    {
        var owner = new Ownership("reconcile" + _engine.TestId[..6], "feature/x", "run-" + _engine.TestId);
        var endpoint = await _engine.Platform().StartServiceAsync(new ServiceSpec("feature-x-" + owner.App, _engine.Image, owner), CancellationToken.None);
        var record = new PlaygroundRecord(owner.App, owner.Branch, "feature-x", endpoint.PublicUrl.ToString(), endpoint.ResourceId, _engine.Image, owner.Run, "local", DateTimeOffset.UtcNow);
        return (endpoint, record);
    }

    private Task<ServiceUnderTest> StartServiceAsync(PlaygroundRecord record) => ServiceUnderTest.StartAsync(
        seed: store => store.SavePlaygroundAsync(record, CancellationToken.None).GetAwaiter().GetResult(),
        playgrounds: store => new PlaygroundReconciler(_engine.Platform(), store));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s, but not yet: {what}.");
            }

            await Task.Delay(200);
        }
    }
}
