using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
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
    private const string TestLabel = "slipway-service-test";
    private readonly string _testId = Guid.NewGuid().ToString("N")[..12];
    private readonly DockerClient _docker = new(DockerEndpoint.FromEnvironment());
    private readonly TemporaryFolder _folder = new();
    private string _image = null!;

    private Dictionary<string, string> TestLabels => new() { [TestLabel] = _testId };

    public async Task InitializeAsync()
    {
        // No image can be pulled here: busybox from Debian's busybox-static serving HTTP, FROM scratch.
        _image = $"slipway-service-test/httpd:{_testId}";
        var context = new BuildContext()
            .AddFile("busybox", await File.ReadAllBytesAsync("/bin/busybox"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)
            .AddFile("Dockerfile", "FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT [\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/\"]\n");
        await _docker.BuildImageAsync(new DockerBuildRequest(context) { Tags = [_image], Labels = TestLabels }, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var container in await _docker.ListContainersAsync(TestLabels, CancellationToken.None))
        {
            await _docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
        }

        await _docker.RemoveImageAsync(_image, force: true, noPrune: false, CancellationToken.None);
        _docker.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public async Task TwoAppsAndAForkOnTheSameBranch_EachGetAPlayground_AndTearingOneDownLeavesTheOthers()
    {
        // Only the test's own images go: the platform's ExtraLabels mark everything it starts as this test's.
        var platform = new DockerPlatform(_docker, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = TestLabels });
        var store = new SqliteRunStore(_folder.Combine("slipway.db"));
        var site = new RunIdentity("site" + _testId[..6], "main");
        var blog = new RunIdentity("blog" + _testId[..6], "main");
        var fork = new RunIdentity(site.App, "main", "forker/site");

        var started = new Dictionary<RunIdentity, ServiceEndpoint>();
        foreach (var identity in new[] { site, blog, fork })
        {
            started[identity] = await platform.StartServiceAsync(
                new ServiceSpec(identity.Name, _image, new Ownership(identity.App, identity.Key, "run-" + _testId)), CancellationToken.None);
        }

        started.Values.Select(endpoint => endpoint.PublicUrl.Host).Should().OnlyHaveUniqueItems();
        var details = await _docker.InspectContainerAsync(started[blog].ResourceId, CancellationToken.None);
        details.Name.Should().Be(blog.ContainerName);
        details.RestartPolicy.Should().Be("unless-stopped", "a playground comes back when the engine restarts (finding 9)");

        await new TeardownStage(platform, store).RunAsync(site.App, site.Key, CancellationToken.None);

        var left = (await _docker.ListContainersAsync(TestLabels, CancellationToken.None)).Select(container => container.Id).ToList();
        left.Should().BeEquivalentTo([started[blog].ResourceId, started[fork].ResourceId], "upstream main of site went, blog's main and the fork's main stay");

        await new TeardownStage(platform, store).RunAsync(fork.App, fork.Key, CancellationToken.None);

        (await _docker.ListContainersAsync(TestLabels, CancellationToken.None)).Select(container => container.Id)
            .Should().Equal(started[blog].ResourceId);
    }
}
