using Slipway.Composition;
using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Stages;

/// <summary>Two installations (two work directories) on one Docker engine, each with a playground of the same app and branch.</summary>
public sealed class TeardownOwnershipTests : IAsyncLifetime
{
    private readonly string _app = "issue20-own-" + Guid.NewGuid().ToString("N")[..8];
    private readonly string _firstWork = Directory.CreateTempSubdirectory("slipway-issue20-first-").FullName;
    private readonly string _secondWork = Directory.CreateTempSubdirectory("slipway-issue20-second-").FullName;
    private readonly DockerClient _docker = new(DockerEndpoint.FromEnvironment());

    /// <summary>busybox httpd on port 80: a playground that starts in a moment and needs no base image.</summary>
    private string PlaygroundImage => $"slipway-test/issue20-httpd:{_app}";

    public async Task InitializeAsync()
    {
        const UnixFileMode executable = UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        var context = new BuildContext()
            .AddFile("busybox", await File.ReadAllBytesAsync("/bin/busybox"), executable)
            .AddFile("Dockerfile", "FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT [\"/bin/busybox\", \"httpd\", \"-f\", \"-p\", \"80\", \"-h\", \"/\"]\n");
        await _docker.BuildImageAsync(new DockerBuildRequest(context) { Tags = [PlaygroundImage] }, null, CancellationToken.None);
    }

    [Fact]
    public async Task TeardownAll_FromOneInstallation_LeavesTheOtherInstallationsPlaygroundRunning()
    {
        using var first = Compose(_firstWork);
        using var second = Compose(_secondWork);
        await StartPlaygroundAsync(first);
        var theirs = await StartPlaygroundAsync(second);
        try
        {
            var removed = await new PipelineTeardown(first.Services, null).RunAsync(_app, null, CancellationToken.None);

            removed.Should().Be(1);
            (await _docker.ListContainersAsync(new Dictionary<string, string> { [Ownership.AppLabel] = _app }, CancellationToken.None))
                .Select(container => container.Id).Should().Equal(theirs.ResourceId);
            (await _docker.InspectContainerAsync(theirs.ResourceId, CancellationToken.None)).State.Running.Should().BeTrue();
            first.Installation.Should().NotBe(second.Installation);
        }
        finally
        {
            await new PipelineTeardown(second.Services, null).RunAsync(_app, null, CancellationToken.None);
            await new PipelineTeardown(first.Services, null).RunAsync(_app, null, CancellationToken.None);
        }
    }

    [Fact]
    public void Installation_IsKeptInTheWorkDirectorysStore_AndDiffersBetweenWorkDirectories()
    {
        string once, again, other;
        using (var composition = Compose(_firstWork))
        {
            once = composition.Installation;
        }

        using (var composition = Compose(_firstWork))
        {
            again = composition.Installation;
        }

        using (var composition = Compose(_secondWork))
        {
            other = composition.Installation;
        }

        again.Should().Be(once);
        other.Should().NotBe(once);
    }

    private static PipelineComposition Compose(string work) =>
        new(new CompositionOptions(RepositoryRoot.Path, work, new RecordingReporter()) { Platform = PlatformChoice.Local });

    private Task<ServiceEndpoint> StartPlaygroundAsync(PipelineComposition composition) =>
        composition.Services.Platform.StartServiceAsync(
            new ServiceSpec("feature-x-" + _app, PlaygroundImage, new Ownership(_app, "feature/x", "run-" + Guid.NewGuid().ToString("N")[..8])),
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        await _docker.RemoveImageAsync(PlaygroundImage, force: true, noPrune: false, CancellationToken.None);
        _docker.Dispose();
        Directory.Delete(_firstWork, recursive: true);
        Directory.Delete(_secondWork, recursive: true);
    }
}
