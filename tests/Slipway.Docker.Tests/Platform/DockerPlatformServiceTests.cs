using System.Net;
using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Docker.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Docker.Tests.Platform;

[Collection(DockerCollection.Name)]
public sealed class DockerPlatformServiceTests(DockerFixture docker)
{
    private DockerPlatform Platform => new(docker.Client, new DockerPlatformOptions { StopTimeout = TimeSpan.FromSeconds(1), ExtraLabels = docker.TestLabels });

    [Fact]
    public async Task StartServiceAsync_ServesHttpOnALoopbackPortUnderTheSlugHost()
    {
        var slug = "svc-" + docker.TestId[..8];
        var owner = new Ownership("service-test", "feature/http", "run-1");

        var endpoint = await Platform.StartServiceAsync(new ServiceSpec(slug, docker.BaseImage, owner), CancellationToken.None);

        var port = endpoint.ProbeUrl.Port;
        endpoint.ProbeUrl.Should().Be(new Uri($"http://127.0.0.1:{port}/"));
        endpoint.PublicUrl.Should().Be(new Uri($"http://{slug}.localhost:{port}/"));
        endpoint.ProbeHost.Should().Be($"{slug}.localhost:{port}");
        var body = await GetWhenReadyAsync(endpoint);
        body.Should().Contain("slipway test page");
        var container = await docker.Client.InspectContainerAsync(endpoint.ResourceId, CancellationToken.None);
        container.Name.Should().Be($"slipway-{slug}");
        container.Labels.Should().Contain(owner.ToLabels("playground")).And.Contain(DockerPlatform.SlugLabel, slug);
    }

    [Fact]
    public async Task StartServiceAsync_SameAppAndSlugAgain_LeavesExactlyOneContainer()
    {
        var slug = "replace-" + docker.TestId[..8];
        var spec = new ServiceSpec(slug, docker.BaseImage, new Ownership("service-test", "feature/replace", "run-1"));
        var first = await Platform.StartServiceAsync(spec, CancellationToken.None);

        var second = await Platform.StartServiceAsync(spec with { Owner = spec.Owner with { Run = "run-2" } }, CancellationToken.None);

        var containers = await docker.Client.ListContainersAsync(
            new Dictionary<string, string> { [Ownership.AppLabel] = "service-test", [DockerPlatform.SlugLabel] = slug },
            CancellationToken.None);
        containers.Select(container => container.Id).Should().Equal(second.ResourceId);
        second.ResourceId.Should().NotBe(first.ResourceId);
        (await GetWhenReadyAsync(second)).Should().Contain("slipway test page");
    }

    [Fact]
    public async Task ReadServiceLogTailAsync_ServiceThatNeverServes_ShowsItsLastLines()
    {
        var image = await BuildImageAsync("CMD [\"sh\", \"-c\", \"seq 1 50; echo 'config error: no database'; sleep 300\"]");
        var spec = new ServiceSpec("tail-" + docker.TestId[..8], image, new Ownership("service-test", "feature/tail", "run-1"));
        var endpoint = await Platform.StartServiceAsync(spec, CancellationToken.None);

        IReadOnlyList<LogLine> tail = [];
        for (var attempt = 0; attempt < 50 && !tail.Contains(LogLine.Out("config error: no database")); attempt++)
        {
            await Task.Delay(100);
            tail = await Platform.ReadServiceLogTailAsync(endpoint, 3, CancellationToken.None);
        }

        tail.Should().Equal(LogLine.Out("49"), LogLine.Out("50"), LogLine.Out("config error: no database"));
    }

    [Fact]
    public async Task ReadServiceLogTailAsync_ContainerGone_IsEmpty()
    {
        var spec = new ServiceSpec("gone-" + docker.TestId[..8], docker.BaseImage, new Ownership("service-test", "feature/gone", "run-1"));
        var endpoint = await Platform.StartServiceAsync(spec, CancellationToken.None);
        await docker.Client.RemoveContainerAsync(endpoint.ResourceId, force: true, removeVolumes: true, CancellationToken.None);

        (await Platform.ReadServiceLogTailAsync(endpoint, 10, CancellationToken.None)).Should().BeEmpty();
    }

    private async Task<string> BuildImageAsync(string instruction)
    {
        // Metadata-only instructions add no layer, so this costs nothing on the vfs driver.
        var context = new BuildContext().AddFile("Dockerfile", $"FROM {docker.BaseImage}\n{instruction}\n");
        var request = new DockerBuildRequest(context) { Labels = docker.TestLabels };
        return await docker.Client.BuildImageAsync(request, null, CancellationToken.None);
    }

    private static async Task<string> GetWhenReadyAsync(ServiceEndpoint endpoint)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, endpoint.ProbeUrl);
                request.Headers.Host = endpoint.ProbeHost;
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                // httpd is not listening yet.
            }

            await Task.Delay(100);
        }
    }
}
