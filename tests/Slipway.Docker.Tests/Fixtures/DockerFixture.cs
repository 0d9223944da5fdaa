using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Fixtures;

/// <summary>
/// The real Docker engine and a busybox image built FROM scratch (no image can be pulled here). Everything the
/// tests create carries slipway:test=&lt;guid&gt; and is removed by that label when the tests end.
/// </summary>
public sealed class DockerFixture : IAsyncLifetime
{
    /// <summary>The label that marks what a test run created.</summary>
    public const string TestLabel = "slipway:test";

    private const string BusyboxPath = "/bin/busybox";

    public DockerFixture()
    {
        TestId = Guid.NewGuid().ToString("N");
        TestLabels = new Dictionary<string, string> { [TestLabel] = TestId };
        BaseImage = $"slipway-test/busybox:{TestId[..12]}";
    }

    public DockerClient Client { get; } = new(DockerEndpoint.FromEnvironment());

    /// <summary>Unique to this test run.</summary>
    public string TestId { get; }

    /// <summary>slipway:test=&lt;guid&gt;: put on everything the tests create.</summary>
    public IReadOnlyDictionary<string, string> TestLabels { get; }

    /// <summary>
    /// busybox with its applets linked into /bin, a page in /www, and httpd on port 80 as its command.
    /// </summary>
    public string BaseImage { get; }

    public async Task InitializeAsync()
    {
        if (!File.Exists(BusyboxPath))
        {
            throw new InvalidOperationException($"{BusyboxPath} is missing: install Debian's busybox-static (apt-get install -y busybox-static).");
        }

        using var folder = new TemporaryFolder();
        File.Copy(BusyboxPath, Path.Combine(folder.Path, "busybox"));
        File.WriteAllText(Path.Combine(folder.Path, "Dockerfile"), """
            FROM scratch
            COPY busybox /bin/busybox
            RUN ["/bin/busybox", "--install", "-s", "/bin"]
            RUN mkdir -p /www /tmp && echo "slipway test page" > /www/index.html
            CMD ["httpd", "-f", "-p", "80", "-h", "/www"]
            """);
        var request = new DockerBuildRequest(BuildContext.FromFolder(folder.Path)) { Tags = [BaseImage], Labels = TestLabels };
        await Client.BuildImageAsync(request, onOutput: null, CancellationToken.None);
    }

    /// <summary>Labels for a container or image of a test, with the test label added.</summary>
    public Dictionary<string, string> LabelsWith(IReadOnlyDictionary<string, string> labels)
    {
        var all = new Dictionary<string, string>(labels);
        foreach (var (key, value) in TestLabels)
        {
            all[key] = value;
        }

        return all;
    }

    /// <summary>A container of the base image running <paramref name="command"/> (created, not started).</summary>
    public Task<string> CreateContainerAsync(IReadOnlyList<string> command, Func<ContainerCreateRequest, ContainerCreateRequest>? configure = null)
    {
        var request = new ContainerCreateRequest(BaseImage) { Command = command, Labels = TestLabels };
        return Client.CreateContainerAsync(configure?.Invoke(request) ?? request, CancellationToken.None);
    }

    /// <summary>Runs <c>sh -c <paramref name="script"/></c> to its end and returns its exit code and whole log.</summary>
    public async Task<(int ExitCode, IReadOnlyList<LogLine> Log)> RunScriptAsync(
        string script,
        Func<ContainerCreateRequest, ContainerCreateRequest>? configure = null)
    {
        var container = await CreateContainerAsync(["sh", "-c", script], configure);
        await Client.StartContainerAsync(container, CancellationToken.None);
        var exitCode = await Client.WaitContainerAsync(container, CancellationToken.None);
        return (exitCode, await ReadWholeLogAsync(container));
    }

    public async Task<IReadOnlyList<LogLine>> ReadWholeLogAsync(string container)
    {
        var lines = new List<LogLine>();
        await foreach (var page in Client.ReadContainerLogAsync(container, follow: false, CancellationToken.None))
        {
            lines.AddRange(page);
        }

        return lines;
    }

    public async Task DisposeAsync()
    {
        foreach (var container in await Client.ListContainersAsync(TestLabels, CancellationToken.None))
        {
            await Client.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
        }

        foreach (var network in await Client.ListNetworksAsync(TestLabels, CancellationToken.None))
        {
            await Client.RemoveNetworkAsync(network.Id, CancellationToken.None);
        }

        var images = await Client.ListImagesAsync(TestLabels, CancellationToken.None, includeIntermediate: true);
        var failures = await new ImageRemoval(Client).RemoveAllAsync(images.Select(image => image.Id).ToList(), CancellationToken.None);
        Client.Dispose();
        if (failures.Count > 0)
        {
            throw new InvalidOperationException("Test images were left behind: " + string.Join("; ", failures));
        }
    }
}
