using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>
/// The world of a test against the real Docker engine: a client, a scratch folder, and a busybox image built for the
/// test (no image can be pulled here: Debian's busybox-static, FROM scratch, a few MB). What the test starts carries
/// its own label, and disposing removes all of it.
/// </summary>
internal sealed class BusyboxEngineFixture : IAsyncDisposable
{
    private const string TestLabel = "slipway-service-test";

    private BusyboxEngineFixture(string image) => Image = image;

    /// <summary>Twelve hex digits that set this test's names and label apart from any other's.</summary>
    public string TestId { get; } = Guid.NewGuid().ToString("N")[..12];

    public DockerClient Docker { get; } = new(DockerEndpoint.FromEnvironment());

    public TemporaryFolder Folder { get; } = new();

    /// <summary>The busybox image, tagged for this test.</summary>
    public string Image { get; private set; }

    /// <summary>The label everything of this test carries.</summary>
    public Dictionary<string, string> Labels => new() { [TestLabel] = TestId };

    /// <summary>Builds the image; <paramref name="entrypoint"/> is its ENTRYPOINT as a JSON array.</summary>
    public static async Task<BusyboxEngineFixture> StartAsync(string name, string entrypoint)
    {
        var fixture = new BusyboxEngineFixture("");
        fixture.Image = $"slipway-service-test/{name}:{fixture.TestId}";
        var context = new BuildContext()
            .AddFile("busybox", await File.ReadAllBytesAsync("/bin/busybox"), UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute)
            .AddFile("Dockerfile", $"FROM scratch\nCOPY busybox /bin/busybox\nENTRYPOINT {entrypoint}\n");
        await fixture.Docker.BuildImageAsync(new DockerBuildRequest(context) { Tags = [fixture.Image], Labels = fixture.Labels }, null, CancellationToken.None);
        return fixture;
    }

    /// <summary>The local platform, marking everything it starts as this test's and stopping it quickly.</summary>
    public DockerPlatform Platform() =>
        new(Docker, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = Labels });

    public async ValueTask DisposeAsync()
    {
        foreach (var container in await Docker.ListContainersAsync(Labels, CancellationToken.None))
        {
            await Docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
        }

        if (Image.Length > 0)
        {
            await Docker.RemoveImageAsync(Image, force: true, noPrune: false, CancellationToken.None);
        }

        Docker.Dispose();
        Folder.Dispose();
    }
}
