using System.Net;
using Slipway.Pipeline.Running;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

/// <summary>
/// A run's screenshots of failing browser steps on the service: listed on its page, served from its report folder
/// only, behind the token like the page; and the service's public address, under which Slack links them.
/// </summary>
public sealed class ScreenshotPageTests
{
    private const string Token = "qa-team-token-3c9d1a7e";

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];

    [Fact]
    public async Task The_run_page_lists_the_runs_screenshots_and_each_is_served_as_a_png()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = await FinishedRunWithScreenshotAsync(service, "p-login", "testLogin.png");

        var page = await service.Client.GetStringAsync($"/runs/{id}");
        using var shot = await service.Client.GetAsync($"/runs/{id}/screenshots/testLogin.png");

        page.Should().Contain($"<h2>Screenshots (1)</h2><ul id=\"screenshots\"><li><a href=\"/runs/{id}/screenshots/testLogin.png\">" +
                              $"<img src=\"/runs/{id}/screenshots/testLogin.png\" alt=\"testLogin.png\"");
        shot.StatusCode.Should().Be(HttpStatusCode.OK);
        shot.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        shot.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        (await shot.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
    }

    [Theory]
    [InlineData("unknown.png")]
    [InlineData("..%2F..%2Freport.json")]
    [InlineData("..%2Freport.md")]
    [InlineData("%2e%2e%2f%2e%2e%2fslipway.db")]
    [InlineData("..%5C..%5Creport.json")]
    [InlineData("report.json")]
    [InlineData("testLogin.PNG")]
    [InlineData(".testLogin.png")]
    [InlineData("%2Fetc%2Fpasswd")]
    public async Task A_name_that_is_not_one_of_the_runs_screenshots_is_not_found(string name)
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = await FinishedRunWithScreenshotAsync(service, "p-login", "testLogin.png");

        using var response = await service.Client.GetAsync($"/runs/{id}/screenshots/{name}");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).Should().Be($"Run {id} has no screenshot of that name: the run page lists its screenshots.");
    }

    [Fact]
    public async Task Another_runs_screenshot_is_not_reachable_under_this_runs_address()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var first = await FinishedRunWithScreenshotAsync(service, "p-first", "testLogin.png");
        var second = await FinishedRunWithScreenshotAsync(service, "p-second", "testCheckout.png");

        using var crossed = await service.Client.GetAsync($"/runs/{first}/screenshots/testCheckout.png");
        using var own = await service.Client.GetAsync($"/runs/{second}/screenshots/testCheckout.png");
        using var noRun = await service.Client.GetAsync("/runs/999/screenshots/testCheckout.png");

        crossed.StatusCode.Should().Be(HttpStatusCode.NotFound);
        own.StatusCode.Should().Be(HttpStatusCode.OK);
        noRun.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await service.Client.GetStringAsync($"/runs/{first}")).Should().NotContain("testCheckout.png");
    }

    [Fact]
    public async Task Behind_the_service_token_a_screenshot_needs_it_like_the_run_page()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Token = Token });
        service.Client.DefaultRequestHeaders.Authorization = new("Bearer", Token);
        var id = await FinishedRunWithScreenshotAsync(service, "p-login", "testLogin.png");
        service.Client.DefaultRequestHeaders.Authorization = null;

        using var anonymous = await service.Client.GetAsync($"/runs/{id}/screenshots/testLogin.png");
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/runs/{id}/screenshots/testLogin.png");
        request.Headers.Authorization = new("Bearer", Token);
        using var withToken = await service.Client.SendAsync(request);

        anonymous.StatusCode.Should().Be(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.OriginalString.Should().StartWith("/login?next=");
        (await anonymous.Content.ReadAsByteArrayAsync()).Should().NotEqual(Png);
        withToken.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_a_public_address_each_run_is_handed_its_page_there_and_the_service_answers_to_that_name()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { PublicUrl = "https://slipway.example.com/" });
        var id = await service.StartRunAsync("feature/login");
        await service.WaitForStateAsync(id, RunState.Succeeded);
        using var byName = new HttpRequestMessage(HttpMethod.Get, $"/runs/{id}");
        byName.Headers.Host = "slipway.example.com";

        using var answer = await service.Client.SendAsync(byName);

        service.Pipeline.Runs.Single().Request.RunPageUrl.Should().Be(new Uri($"https://slipway.example.com/runs/{id}"));
        answer.StatusCode.Should().Be(HttpStatusCode.OK, "people open the links by the public name");
        ScreenshotLinks.ForRunPage(service.Pipeline.Runs.Single().Request.RunPageUrl, [new("browser", "testLogin.png", Png)])
            .Single().Url.AbsoluteUri.Should().Be($"https://slipway.example.com/runs/{id}/screenshots/testLogin.png");
    }

    [Fact]
    public async Task Without_a_public_address_a_run_has_no_page_to_link()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var id = await service.StartRunAsync("feature/login");
        await service.WaitForStateAsync(id, RunState.Succeeded);

        service.Pipeline.Runs.Single().Request.RunPageUrl.Should().BeNull();
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080", "is a loopback address that nobody reading Slack on another machine can open")]
    [InlineData("http://localhost:8080/", "is a loopback address that nobody reading Slack on another machine can open")]
    [InlineData("http://[::1]:8080/", "is a loopback address that nobody reading Slack on another machine can open")]
    [InlineData("slipway.example.com", "is not a web address")]
    [InlineData("ftp://slipway.example.com", "is not a web address")]
    [InlineData("https://user:secret@slipway.example.com", "is not a web address")]
    [InlineData("https://tools.example.com/slipway", "has a path (/slipway), but the service answers at the root of its address only: give the address without a path, such as https://tools.example.com")]
    [InlineData("https://tools.example.com/slipway/", "has a path (/slipway/)")]
    public async Task A_public_address_nobody_else_can_open_stops_the_service_with_one_sentence(string publicUrl, string reason)
    {
        var start = () => ServiceUnderTest.StartAsync(options => options with { PublicUrl = publicUrl });

        (await start.Should().ThrowAsync<ServiceSettingsException>()).Which.Message.Should().Contain(reason).And.StartWith("PublicUrl '").And.NotContain("secret");
    }

    // A run that wrote its report folder with one screenshot, as the pipeline does (screenshots/ beside report.json).
    private static async Task<string> FinishedRunWithScreenshotAsync(ServiceUnderTest service, string pipelineRunId, string name)
    {
        var folder = service.Folder.Combine("runs", pipelineRunId);
        Directory.CreateDirectory(Path.Combine(folder, "screenshots"));
        await File.WriteAllBytesAsync(Path.Combine(folder, "screenshots", name), Png);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), "{}");
        service.Pipeline.Behaviour = async execution =>
        {
            await execution.ReportPipelineRunAsync(pipelineRunId, folder);
            return 0;
        };
        var id = await service.StartRunAsync("feature/" + pipelineRunId);
        await service.WaitForStateAsync(id, RunState.Succeeded);
        return id;
    }
}
