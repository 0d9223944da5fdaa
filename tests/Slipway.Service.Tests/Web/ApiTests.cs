using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

public sealed class ApiTests : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task StartRun_QueuesItAndAnswers202WithTheRun()
    {
        using var response = await _service.Client.PostAsJsonAsync("/api/runs", new { branch = "feature/login", pipeline = "approved" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("pipeline").GetString().Should().Be("Approved");
        body.GetProperty("app").GetString().Should().Be("site");
        var run = await _service.Queue.FindAsync(body.GetProperty("id").GetString()!, CancellationToken.None);
        run!.Request.Branch.Should().Be("feature/login");
        run.Request.Trigger.Should().Be(RunTriggers.Api);
    }

    [Theory]
    [InlineData("{\"branch\":\"feature/login\",\"pipeline\":\"Deploy-Everything\"}", "There is no pipeline 'Deploy-Everything' to start: choose one of PullRequest, Playground, Approved, Teardown.")]
    [InlineData("{\"branch\":\"feature/login\",\"app\":\"nowhere\"}", "There is no app 'nowhere': choose one of site.")]
    [InlineData("{\"pipeline\":\"PullRequest\"}", "Choose the branch to run the pipeline for.")]
    [InlineData("{\"branch\":\"feature/login\",\"commit\":\"HEAD~1\"}", "The commit 'HEAD~1' is not a commit id: pass --commit 4 to 40 hexadecimal digits.")]
    public async Task StartRun_WithSomethingToFix_Is400WithOneSentenceAndStoresNothing(string json, string error)
    {
        using var response = await _service.Client.PostAsync("/api/runs", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().Be(error);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task StartRun_CommitOfAPlainFolderApp_Is400SayingWhatToDrop()
    {
        using var response = await _service.Client.PostAsJsonAsync("/api/runs", new { branch = "feature/login", commit = "6dcb09b5" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString().Should().EndWith("is a plain folder: drop --commit or point --app at a git repository.");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task RunAndItsLog_AreReadable()
    {
        _service.Pipeline.Behaviour = _ =>
        {
            Slipway.Engine.Log.Information("first line");
            Slipway.Engine.Log.Warning("second line");
            return Task.FromResult(0);
        };
        var id = await _service.StartRunAsync("feature/login");
        await _service.WaitForStateAsync(id, RunState.Succeeded);

        var run = await _service.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}");
        var log = await _service.Client.GetFromJsonAsync<JsonElement>($"/api/runs/{id}/log?after=1");

        run.GetProperty("run").GetProperty("state").GetString().Should().Be("Succeeded");
        run.GetProperty("run").GetProperty("summary").GetString().Should().Be("first line", "without a pipeline summary, the last line of information sums the run up");
        run.GetProperty("events").EnumerateArray().Select(entry => entry.GetProperty("kind").GetString()).Should().Equal("queued", "claimed", "finished");
        log.EnumerateArray().Select(line => (line.GetProperty("level").GetString(), line.GetProperty("text").GetString()))
            .Should().Equal(("information", "first line"), ("warning", "second line"));
    }

    [Fact]
    public async Task FailingRun_EndsFailedWithItsErrorAsSummary()
    {
        _service.Pipeline.Behaviour = _ =>
        {
            Slipway.Engine.Log.Error("Build failed: composer.lock is out of date; run composer update and commit it.");
            return Task.FromResult(1);
        };
        var id = await _service.StartRunAsync("feature/login");

        var run = await _service.WaitForStateAsync(id, RunState.Failed);

        run.Summary.Should().Be("Build failed: composer.lock is out of date; run composer update and commit it.");
        run.ExitCode.Should().Be(1);
    }

    [Fact]
    public async Task CancelFinishedRun_Is409()
    {
        var id = await _service.StartRunAsync("feature/login");
        await _service.WaitForStateAsync(id, RunState.Succeeded);

        using var response = await _service.Client.PostAsync($"/api/runs/{id}/cancel", null);

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Playgrounds_CanBeKeptAndTornDown()
    {
        await _service.PipelineStore.SavePlaygroundAsync(
            new PlaygroundRecord("site", "feature/login", "feature-login", "http://feature-login.localhost:8081/", "c0ffee", "img", "p-1", "local", DateTimeOffset.UtcNow),
            CancellationToken.None);

        using var keep = await _service.Client.PostAsJsonAsync("/api/playgrounds/keep", new { app = "site", branch = "feature/login", keep = true });
        var listed = await _service.Client.GetFromJsonAsync<JsonElement>("/api/playgrounds");
        using var teardown = await _service.Client.PostAsJsonAsync("/api/playgrounds/teardown", new { app = "site", branch = "feature/login" });
        using var missing = await _service.Client.PostAsJsonAsync("/api/playgrounds/teardown", new { app = "site", branch = "feature/none" });

        keep.StatusCode.Should().Be(HttpStatusCode.OK);
        listed.EnumerateArray().Single().GetProperty("keep").GetBoolean().Should().BeTrue();
        teardown.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await teardown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pipeline").GetString().Should().Be("Teardown");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Apps_ListsTheDefaultApp()
    {
        var apps = await _service.Client.GetFromJsonAsync<JsonElement>("/api/apps");

        var app = apps.EnumerateArray().Single();
        app.GetProperty("name").GetString().Should().Be("site");
        app.GetProperty("isDefault").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Health_SaysOkWithTheQueue()
    {
        var health = await _service.Client.GetFromJsonAsync<JsonElement>("/healthz");

        health.GetProperty("status").GetString().Should().Be("ok");
        health.GetProperty("queued").GetInt64().Should().Be(0);
    }
}
