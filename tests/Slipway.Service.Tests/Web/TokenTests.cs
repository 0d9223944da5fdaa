using System.Net;
using System.Net.Http.Headers;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Web;

public sealed class TokenTests : IAsyncLifetime
{
    private const string Token = "qa-team-token-5b1e7c0d";
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(options => options with { Token = Token });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("/")]
    [InlineData("/runs/new")]
    [InlineData("/playgrounds")]
    public async Task PageWithoutLogin_RedirectsToTheLoginForm(string path)
    {
        using var response = await _service.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/login?next=" + Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/api/runs")]
    [InlineData("/api/playgrounds")]
    [InlineData("/metrics")]
    public async Task ApiWithoutToken_Is401(string path)
    {
        using var response = await _service.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        response.Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
    }

    [Fact]
    public async Task ApiWithTheBearerToken_Answers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);

        using var response = await _service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiWithAnotherToken_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/runs");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token + "x");

        using var response = await _service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task LoginWithTheToken_SetsASessionCookieThatIsNotTheTokenAndOpensThePages()
    {
        using var login = await PostFormAsync("/login", ("token", Token), ("next", "/playgrounds"));

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.ToString().Should().Be("/playgrounds");
        var cookie = login.Headers.GetValues("Set-Cookie").Single();
        cookie.Should().StartWith("slipway_session=").And.Contain("httponly").And.Contain("samesite=strict").And.NotContain(Token);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/playgrounds");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var response = await _service.Client.SendAsync(page);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task LoginWithAWrongToken_Is401AndSetsNoCookie()
    {
        using var login = await PostFormAsync("/login", ("token", "guess"), ("next", "/"));

        login.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        login.Headers.Contains("Set-Cookie").Should().BeFalse();
        (await login.Content.ReadAsStringAsync()).Should().Contain("That is not the service token.");
    }

    [Fact]
    public async Task LoginNextPointingElsewhere_StaysOnThisSite()
    {
        using var login = await PostFormAsync("/login", ("token", Token), ("next", "//evil.example/steal"));

        login.Headers.Location!.ToString().Should().Be("/");
    }

    [Fact]
    public async Task FormPostedFromAnotherSite_IsRefusedEvenWithTheCookie()
    {
        using var login = await PostFormAsync("/login", ("token", Token), ("next", "/"));
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Post, "/runs")
        {
            Content = new FormUrlEncodedContent([new("branch", "feature/x")]),
        };
        request.Headers.Add("Cookie", cookie);
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task WebhooksAndHealth_NeedNoToken()
    {
        using var health = await _service.Client.GetAsync("/healthz");
        using var hook = await _service.PostGitHubAsync("ping", Payloads.Read("github-ping"));

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        hook.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ListeningBeyondLoopbackWithoutAToken_DoesNotStart()
    {
        var start = () => ServiceUnderTest.StartAsync(options => options with { Listen = "0.0.0.0:0", Token = null });

        (await start.Should().ThrowAsync<ServiceSettingsException>())
            .WithMessage("The service would listen on 0.0.0.0:0, which other machines can reach: set ServiceToken*");
    }

    private async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));
        return await _service.Client.PostAsync(path, content);
    }
}
