using System.Net;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Web;

/// <summary>
/// Addresses made to trick a browser or the service: a login must never send the browser to another host, and
/// odd characters in a path or parameter are answered with a sentence, never an empty 500.
/// </summary>
public sealed class HostileAddressTests
{
    private const string Token = "qa-team-token-5b1e7c0d";

    [Theory]
    [InlineData("/\t/127.0.0.2:18099/steal")]
    [InlineData("/\n/127.0.0.2:18099/steal")]
    [InlineData("/ /127.0.0.2:18099/steal")]
    [InlineData("/\\127.0.0.2:18099/steal")]
    [InlineData("\\\\127.0.0.2:18099/steal")]
    [InlineData("/%2F127.0.0.2:18099/steal")]
    [InlineData("https://127.0.0.2:18099/steal")]
    [InlineData("/é/ü")]
    public async Task LoginWithANextThatCouldLeaveTheSite_LandsOnTheRunsPage(string next)
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Token = Token });

        using var login = await service.Client.PostAsync("/login", new FormUrlEncodedContent([new("token", Token), new("next", next)]));

        login.StatusCode.Should().Be(HttpStatusCode.Redirect);
        login.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Theory]
    [InlineData("/login?next=%2F%09%2F127.0.0.2:18099%2Fsteal")]
    [InlineData("/login?next=%2F%C3%A9")]
    [InlineData("/login?next=%2F%01")]
    public async Task LoginWithoutATokenSet_RedirectsOnlyToAPathOfThisSite(string address)
    {
        await using var service = await ServiceUnderTest.StartAsync();

        using var response = await service.Client.GetAsync(address);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task LoginWithAnOrdinaryNext_GoesThere()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Token = Token });

        using var login = await service.Client.PostAsync("/login", new FormUrlEncodedContent([new("token", Token), new("next", "/runs/new?app=site")]));

        login.Headers.Location!.OriginalString.Should().Be("/runs/new?app=site");
    }

    [Theory]
    [InlineData("GET", "/runs/%C3%A9t%C3%A9")]
    [InlineData("GET", "/runs/%01%02")]
    [InlineData("POST", "/runs/%C3%A9t%C3%A9/cancel")]
    [InlineData("POST", "/runs/%01%0D%0ALocation:%20x/cancel")]
    [InlineData("GET", "/api/runs/%C3%A9t%C3%A9")]
    [InlineData("GET", "/api/runs/%01/log")]
    [InlineData("POST", "/api/runs/%C3%A9/cancel")]
    public async Task ARunIdWithOddCharacters_IsANotFoundWithASentence(string method, string address)
    {
        await using var service = await ServiceUnderTest.StartAsync();

        using var response = await service.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), address));

        ((int)response.StatusCode).Should().BeOneOf(404, 409);
        (await response.Content.ReadAsStringAsync()).Should().Contain("no run");
    }
}
