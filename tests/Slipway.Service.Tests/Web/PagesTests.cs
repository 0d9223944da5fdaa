using System.Net;
using Slipway.Pipeline.State;
using Slipway.Service.Apps;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

public sealed class PagesTests
{
    [Fact]
    public async Task RunsPage_ShowsStatusAppBranchPullRequestPipelineAndDuration()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var hook = await service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"));
        var run = (await service.RunsAsync()).Single();
        await service.WaitForStateAsync(run.Id, RunState.Succeeded);

        var html = await service.Client.GetStringAsync("/");

        html.Should().Contain($"<tr data-run=\"{run.Id}\">")
            .And.Contain("<td class=\"state Succeeded\">Succeeded</td>")
            .And.Contain("<td>site</td>")
            .And.Contain("<td>feature/login</td>")
            .And.Contain("<a href=\"https://github.com/acme/site/pull/42\">#42</a>")
            .And.Contain("<td>PullRequest</td>");
    }

    [Fact]
    public async Task BranchNameWithMarkup_IsShownAsTextEverywhere()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        service.Pipeline.Behaviour = execution =>
        {
            Slipway.Engine.Log.Information($"building <script>alert('{execution.Request.Branch}')</script>");
            return Task.FromResult(0);
        };
        const string branch = "feat<script>alert(1)<";
        var payload = Payloads.Read("github-pull_request-opened", ("\"ref\": \"feature/login\"", $"\"ref\": \"{branch}\""));
        using var hook = await service.PostGitHubAsync("pull_request", payload);
        var run = (await service.RunsAsync()).Single();
        await service.WaitForStateAsync(run.Id, RunState.Succeeded);

        var list = await service.Client.GetStringAsync("/");
        var detail = await service.Client.GetStringAsync($"/runs/{run.Id}");

        list.Should().NotContain("<script>").And.Contain("feat&lt;script&gt;alert(1)&lt;");
        detail.Should().NotContain("<script>").And.Contain("building &lt;script&gt;");
    }

    [Fact]
    public async Task RunPage_ShowsStagesLogTailReportAndPlayground()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var report = service.Folder.Combine("runs", "p-1");
        Directory.CreateDirectory(report);
        File.WriteAllText(Path.Combine(report, "report.json"), """
            {"schemaVersion":1,"tests":{"total":12,"passed":10,"failed":1,"errors":1,"skipped":0},
             "failures":[{"outcome":"failed","name":"LoginTest::testRememberMe","location":"tests/LoginTest.php:41","message":"Failed asserting that false is true.\nmore"}],
             "findings":[{"tool":"phpcs","severity":"error","rule":"PSR12.Files.EndFileNewline","location":"web/index.php:9","message":"Expected 1 newline at end of file"}]}
            """);
        service.Pipeline.Behaviour = async execution =>
        {
            await execution.ReportPipelineRunAsync("p-1", report);
            var now = DateTimeOffset.UtcNow;
            await service.PipelineStore.SaveStageAsync(new StageRecord("p-1", "build", StageState.Succeeded, now.AddSeconds(-75), now.AddSeconds(-5), "slipway/site:feature-login-6dcb09b"), CancellationToken.None);
            await service.PipelineStore.SavePlaygroundAsync(new PlaygroundRecord("site", "feature/login", "feature-login", "http://feature-login.localhost:8081/", "c0ffee", "img", "p-1", "local", now), CancellationToken.None);
            Slipway.Engine.Log.Information("Playground for feature/login is ready");
            return 0;
        };
        var id = await service.StartRunAsync("feature/login");
        await service.WaitForStateAsync(id, RunState.Succeeded);

        var html = await service.Client.GetStringAsync($"/runs/{id}");

        html.Should().Contain("<td>build</td><td class=\"state Succeeded\">Succeeded</td><td>1:10</td>")
            .And.Contain("<a href=\"http://feature-login.localhost:8081/\">")
            .And.Contain("10 passed, 1 failed, 1 errors, 0 skipped of 12.")
            .And.Contain("<td>LoginTest::testRememberMe</td><td>tests/LoginTest.php:41</td><td>Failed asserting that false is true.</td>")
            .And.Contain("PSR12.Files.EndFileNewline")
            .And.Contain("Playground for feature/login is ready");
    }

    [Fact]
    public async Task StartForm_OffersTheAppsRemoteBranches()
    {
        await using var service = await ServiceUnderTest.StartAsync(branches: new FixedBranches("main", "feature/login", "feature/search"));

        var html = await service.Client.GetStringAsync("/runs/new");

        html.Should().Contain("<select id=\"branch\" name=\"branch\"><option value=\"main\">main</option><option value=\"feature/login\">feature/login</option><option value=\"feature/search\">feature/search</option></select>");
    }

    [Fact]
    public async Task StartForm_BranchesThatCannotBeListed_ExplainsAndOffersAFieldToTypeIn()
    {
        await using var service = await ServiceUnderTest.StartAsync(branches: new FailingBranches());

        var html = await service.Client.GetStringAsync("/runs/new");

        html.Should().Contain("The remote did not answer. Type the branch name instead.").And.Contain("<input id=\"branch\" name=\"branch\"");
    }

    [Fact]
    public async Task StartForm_Posted_QueuesTheRunAndShowsIt()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var form = new FormUrlEncodedContent([new("app", "site"), new("branch", "feature/search"), new("pipeline", "Playground")]);

        using var response = await service.Client.PostAsync("/runs", form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var run = (await service.RunsAsync()).Single();
        response.Headers.Location!.ToString().Should().Be($"/runs/{run.Id}");
        run.Request.Should().Match<RunRequest>(request =>
            request.Pipeline == "Playground" && request.Branch == "feature/search" && request.Trigger == RunTriggers.Form);
    }

    [Fact]
    public async Task StartForm_PostedWithABadBranch_SaysWhatToFixAndQueuesNothing()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        using var form = new FormUrlEncodedContent([new("app", "site"), new("branch", "feature/..bad"), new("pipeline", "PullRequest")]);

        using var response = await service.Client.PostAsync("/runs", form);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("is not a valid git branch name");
        (await service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task PlaygroundsPage_KeepAndTearDownButtonsDoWhatTheySay()
    {
        await using var service = await ServiceUnderTest.StartAsync(seed: store => store.SavePlaygroundAsync(
            new PlaygroundRecord("site", "feature/login", "feature-login", "http://feature-login.localhost:8081/", "c0ffee", "img", "p-9", "local", DateTimeOffset.UtcNow.AddHours(-2)),
            CancellationToken.None).GetAwaiter().GetResult());

        var page = await service.Client.GetStringAsync("/playgrounds");
        page.Should().Contain("<a href=\"http://feature-login.localhost:8081/\">").And.Contain("<td>2 h 0 min</td>").And.Contain("Next close-of-business teardown:");

        using var keep = await service.Client.PostAsync("/playgrounds/keep", new FormUrlEncodedContent([new("app", "site"), new("branch", "feature/login"), new("keep", "true")]));
        (await service.PipelineStore.ListPlaygroundsAsync(CancellationToken.None)).Single().Keep.Should().BeTrue();

        using var teardown = await service.Client.PostAsync("/playgrounds/teardown", new FormUrlEncodedContent([new("app", "site"), new("branch", "feature/login")]));
        var run = (await service.RunsAsync()).Single();
        run.Request.Pipeline.Should().Be(PipelineNames.Teardown);
        teardown.Headers.Location!.ToString().Should().Be($"/runs/{run.Id}");
    }

    private sealed class FixedBranches(params string[] branches) : IRemoteBranchLister
    {
        public Task<IReadOnlyList<string>> ListAsync(string source, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(branches);
    }

    private sealed class FailingBranches : IRemoteBranchLister
    {
        public Task<IReadOnlyList<string>> ListAsync(string source, CancellationToken cancellationToken) =>
            throw new BranchListingException("The remote did not answer.");
    }
}
