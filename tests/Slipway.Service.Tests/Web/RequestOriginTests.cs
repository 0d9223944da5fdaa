using System.Net;
using System.Net.Http.Headers;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Web;

/// <summary>
/// Another site open in the QA person's browser must not start or release anything on a service that has no token
/// (the loopback default), and a DNS name re-pointed at this machine must not read the API.
/// </summary>
public sealed class RequestOriginTests
{
    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Origin", "null")]
    [InlineData("Referer", "https://evil.example/page.html")]
    public async Task NoToken_FormPostedFromAnotherSite_Is403AndStartsNothing(string header, string value)
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var request = FormPost(service, "/runs", ("branch", "feature/x"), ("pipeline", "Approved"));
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await response.Content.ReadAsStringAsync()).Should().Contain("sent from another site's page");
        (await service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task NoToken_FormPostedFromThisServicesOwnPage_StartsTheRun()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var request = FormPost(service, "/runs", ("branch", "feature/x"), ("pipeline", "PullRequest"));
        request.Headers.TryAddWithoutValidation("Origin", service.Host.Address.GetLeftPart(UriPartial.Authority));

        using var response = await service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await service.RunsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task NoToken_JsonApiPostFromAnotherSite_Is403()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/runs")
        {
            Content = new StringContent("""{"branch":"feature/x","pipeline":"Approved"}""", new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation("Origin", "http://evil.example:8080");

        using var response = await service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await service.RunsAsync()).Should().BeEmpty();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("qa-team-token-5b1e7c0d")]
    public async Task AnotherHostName_IsRefusedWithASentence_TokenOrNot(string? token)
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Token = token });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Host = $"rebound.evil.example:{service.Host.Address.Port}";
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("does not answer to the host name 'rebound.evil.example'").And.Contain("ServiceHosts");
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("ci.example.org")]
    public async Task LoopbackNamesAndConfiguredHosts_AreAnswered(string host)
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Hosts = ["ci.example.org"] });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Host = $"{host}:{service.Host.Address.Port}";

        using var response = await service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignedWebhookAndHealth_AreAnsweredWhateverTheHostName()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        service.Client.DefaultRequestHeaders.Host = "slipway.behind-a-proxy.example";

        using var health = await service.Client.GetAsync("/healthz");
        using var hook = await service.PostGitHubAsync("ping", Payloads.Read("github-ping"));

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        hook.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    private static HttpRequestMessage FormPost(ServiceUnderTest service, string path, params (string Name, string Value)[] fields) =>
        new(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value))),
        };
}
