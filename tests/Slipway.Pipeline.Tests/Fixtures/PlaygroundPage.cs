using System.Net;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>One answer of a branch's playground, asked for through its published loopback port and its own host name.</summary>
public sealed record PlaygroundPage(HttpStatusCode Status, string? Location, string Body, string? Robots)
{
    public static async Task<PlaygroundPage> GetAsync(EndToEndFixture fixture, string branch, string path)
    {
        var container = (await fixture.ContainersOfAsync(branch)).Single(c => c.Labels.GetValueOrDefault(Ownership.KindLabel) == "playground");
        var port = (await fixture.Docker.InspectContainerAsync(container.Id, CancellationToken.None)).HostPort(80)
            ?? throw new InvalidOperationException("The playground publishes no port.");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromMinutes(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}{path}");
        request.Headers.Host = $"{container.Labels["slipway:slug"]}.localhost:{port}";
        using var response = await client.SendAsync(request);
        var robots = response.Headers.TryGetValues("X-Robots-Tag", out var values) ? string.Join(", ", values) : null;
        return new PlaygroundPage(response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync(), robots);
    }
}
