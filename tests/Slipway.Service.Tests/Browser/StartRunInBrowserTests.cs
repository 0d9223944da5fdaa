using Slipway.Service.Queue;
using Slipway.Service.Tests.Apps;
using Slipway.Service.Tests.Fixtures;
using Slipway.Service.Tests.Host;

namespace Slipway.Service.Tests.Browser;

/// <summary>
/// The page as QA uses it, in headless Chromium: log in, choose a branch of the app's real git remote in the form,
/// start the run, watch it appear and finish. The run is the probe build's Work target, run in-process by the engine.
/// </summary>
public sealed class StartRunInBrowserTests
{
    private const string Token = "qa-browser-token-31c9a0";

    [Fact]
    public async Task QaStartsARunForAChosenBranch_ItAppearsAndFinishes()
    {
        var folder = new TemporaryFolder();
        Directory.CreateDirectory(folder.Combine(".nuke"));
        var remote = LocalRepositories.CreateBare(folder, "site.git", "main", "feature/login", "feature/search");
        await using var service = await ServiceUnderTest.StartAsync(options => options with { Token = Token, DefaultApp = remote }, folder: folder);
        var probe = new ProbePipeline(folder.Path, new Journal(folder.Combine("journal.txt")), workMilliseconds: 2500);
        service.Pipeline.Inner = probe;
        await using var browser = await HeadlessChromium.StartAsync();

        await browser.NavigateAsync(new Uri(service.Host.Address, "/runs/new"));
        (await browser.WaitForAsync("location.pathname")).Should().Be("/login");
        await browser.EvaluateAsync($"document.getElementById('token').value = '{Token}'; document.querySelector('#login button').click(); true");
        await browser.WaitForAsync("location.pathname === '/runs/new' && document.readyState === 'complete' ? 'form' : ''");

        var options = await browser.WaitForAsync("Array.from(document.querySelectorAll('#branch option')).map(option => option.value).join(',')");
        options.Should().Be("feature/login,feature/search,main");
        await browser.EvaluateAsync("document.getElementById('branch').value = 'feature/search'; document.querySelector('#start button[type=submit]').click(); true");

        var page = await browser.WaitForAsync("/^\\/runs\\/\\d+$/.test(location.pathname) && document.getElementById('run-state') ? location.pathname : ''");
        var runId = page["/runs/".Length..];
        (await browser.WaitForAsync("document.getElementById('run-state')?.textContent ?? ''")).Should().BeOneOf("Queued", "Running");
        await browser.WaitForAsync("document.getElementById('run-state')?.textContent === 'Succeeded' ? 'done' : ''", TimeSpan.FromSeconds(30));
        (await browser.WaitForAsync("document.getElementById('log')?.textContent ?? ''")).Should().Contain("probe run feature/search working", "the log page shows what the run wrote");

        await browser.NavigateAsync(new Uri(service.Host.Address, "/"));
        var row = await browser.WaitForAsync($"document.querySelector('tr[data-run=\"{runId}\"]')?.innerText ?? ''");
        row.Should().Contain("Succeeded").And.Contain("site").And.Contain("feature/search").And.Contain("PullRequest").And.Contain("form");
        var run = await service.Queue.FindAsync(runId, CancellationToken.None);
        run!.Request.Should().Match<RunRequest>(request => request.Branch == "feature/search" && request.Trigger == RunTriggers.Form && request.App == remote);
    }
}
