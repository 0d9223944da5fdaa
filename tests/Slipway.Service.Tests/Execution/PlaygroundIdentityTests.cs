using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Execution;

/// <summary>
/// Against the real Docker engine: two apps with the same branch, and a fork with upstream's branch name, each get a
/// playground of their own, and tearing one down leaves the others (issue 20, findings 1 and 2).
/// </summary>
public sealed class PlaygroundIdentityTests : IAsyncLifetime
{
    private BusyboxEngineFixture _engine = null!;

    public async Task InitializeAsync() => _engine = await BusyboxEngineFixture.StartAsync("httpd", "[\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/\"]");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task TwoAppsAndAForkOnTheSameBranch_EachGetAPlayground_AndTearingOneDownLeavesTheOthers()
    {
        // Only the test's own images go: the platform's ExtraLabels mark everything it starts as this test's.
        var platform = _engine.Platform();
        var store = new SqliteRunStore(_engine.Folder.Combine("slipway.db"));
        var site = new RunIdentity("site" + _engine.TestId[..6], "main");
        var blog = new RunIdentity("blog" + _engine.TestId[..6], "main");
        var fork = new RunIdentity(site.App, "main", "forker/site");

        var started = new Dictionary<RunIdentity, ServiceEndpoint>();
        foreach (var identity in new[] { site, blog, fork })
        {
            started[identity] = await platform.StartServiceAsync(
                new ServiceSpec(identity.Name, _engine.Image, new Ownership(identity.App, identity.Key, "run-" + _engine.TestId)), CancellationToken.None);
        }

        started.Values.Select(endpoint => endpoint.PublicUrl.Host).Should().OnlyHaveUniqueItems();
        var details = await _engine.Docker.InspectContainerAsync(started[blog].ResourceId, CancellationToken.None);
        details.Name.Should().Be(blog.ContainerName);
        details.RestartPolicy.Should().Be("unless-stopped", "a playground comes back when the engine restarts (finding 9)");

        await new TeardownStage(platform, store).RunAsync(site.App, site.Key, CancellationToken.None);

        var left = (await _engine.Docker.ListContainersAsync(_engine.Labels, CancellationToken.None)).Select(container => container.Id).ToList();
        left.Should().BeEquivalentTo([started[blog].ResourceId, started[fork].ResourceId], "upstream main of site went, blog's main and the fork's main stay");

        await new TeardownStage(platform, store).RunAsync(fork.App, fork.Key, CancellationToken.None);

        (await _engine.Docker.ListContainersAsync(_engine.Labels, CancellationToken.None)).Select(container => container.Id)
            .Should().Equal(started[blog].ResourceId);
    }
}
