using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Queue;

public sealed class SupersessionTests : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, bool> _supersededBeforeCancel = new();
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync()
    {
        _service = await ServiceUnderTest.StartAsync();
        _service.Pipeline.Behaviour = execution =>
        {
            execution.Superseded.Register(() => _supersededBeforeCancel[execution.Request.Branch!] = !execution.Cancellation.IsCancellationRequested);
            return ScriptedPipeline.HoldUntilCancelled(execution);
        };
    }

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task NewerPush_StopsTheRunningPullRequestOfItsBranchAndRunsInItsPlace()
    {
        var older = await PostAsync("github-pull_request-opened");
        var otherBranch = await _service.StartRunAsync("feature/other");
        await _service.Pipeline.WaitForStartsAsync(2);

        var newer = await PostAsync("github-pull_request-synchronize");

        var stopped = await _service.WaitForStateAsync(older, RunState.Superseded);
        stopped.SupersededBy.Should().Be(newer);
        stopped.Summary.Should().Be($"superseded by run {newer}");
        _supersededBeforeCancel["feature/login"].Should().BeTrue("the pipeline hears of the newer run before its run is cancelled");
        var replacement = await _service.WaitForStateAsync(newer, RunState.Running);
        replacement.Request.Commit.Should().Be("c3f1e2a8d9b04e7f6a5b4c3d2e1f0a9b8c7d6e5f");
        (await _service.Queue.FindAsync(otherBranch, CancellationToken.None))!.State.Should().Be(RunState.Running, "another branch is not touched");
    }

    [Fact]
    public async Task NewerPush_ReplacesAQueuedPullRequestBeforeItStarts()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { MaxConcurrentRuns = 1 });
        service.Pipeline.Behaviour = ScriptedPipeline.HoldUntilCancelled;
        var blocker = await service.StartRunAsync("feature/blocker");
        await service.Pipeline.WaitForStartsAsync(1);
        var older = await service.StartRunAsync("feature/login");

        var newer = await service.StartRunAsync("feature/login");

        (await service.Queue.FindAsync(older, CancellationToken.None))!.State.Should().Be(RunState.Superseded);
        await service.Queue.FindAsync(newer, CancellationToken.None);
        using var cancel = await service.Client.PostAsync($"/api/runs/{blocker}/cancel", null);
        await service.WaitForStateAsync(newer, RunState.Running);
        await service.Pipeline.WaitForStartsAsync(2);
        service.Pipeline.Runs.Count(execution => execution.Request.Branch == "feature/login").Should().Be(1, "a superseded run never starts");
    }

    [Fact]
    public async Task ClosedPullRequest_StopsItsRunningPullRequestBeforeTheTeardown()
    {
        var running = await PostAsync("github-pull_request-opened");
        await _service.Pipeline.WaitForStartsAsync(1);
        _service.Pipeline.Behaviour = _ => Task.FromResult(0);

        var teardown = await PostAsync("github-pull_request-closed");

        await _service.WaitForStateAsync(running, RunState.Superseded);
        await _service.WaitForStateAsync(teardown, RunState.Succeeded);
    }

    [Fact]
    public async Task CancelledByHand_EndsCancelledNotSuperseded()
    {
        var run = await _service.StartRunAsync("feature/login");
        await _service.Pipeline.WaitForStartsAsync(1);

        using var response = await _service.Client.PostAsync($"/api/runs/{run}/cancel", null);

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Accepted);
        (await _service.WaitForStateAsync(run, RunState.Cancelled)).SupersededBy.Should().BeNull();
        _supersededBeforeCancel.Should().NotContainKey("feature/login");
    }

    private async Task<string> PostAsync(string payload)
    {
        using var response = await _service.PostGitHubAsync("pull_request", Payloads.Read(payload));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetString()!;
    }
}
