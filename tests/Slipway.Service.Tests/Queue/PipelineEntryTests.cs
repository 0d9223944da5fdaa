using System.Collections.Concurrent;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Queue;

/// <summary>
/// The dispatcher hands a queued run to the pipeline's typed entry and keeps what comes back as events: no command
/// line, no console, no log lines read for state. The pipeline here is a fake that implements the entry.
/// </summary>
public sealed class PipelineEntryTests
{
    [Fact]
    public async Task TrustedForkPullRequest_ReachesThePipelineAsTypedValues()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var requests = new ConcurrentQueue<PipelineRequest>();
        service.Pipeline.Behaviour = run =>
        {
            requests.Enqueue(run.Request);
            return Task.FromResult(0);
        };

        using var response = await service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-labeled-fork"));
        var id = (await service.RunsAsync()).Single().Id;
        await service.WaitForStateAsync(id, RunState.Succeeded);

        var request = requests.Should().ContainSingle().Subject;
        request.Pipeline.Should().Be(PipelineNames.PullRequest);
        (request.Branch, request.Fork, request.FetchRef).Should().Be(("main", "forker/site", "refs/pull/43/head"));
        request.Commit.Should().Be("0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c");
        request.App.Should().Be("https://github.com/acme/site.git", "the configured source, never the payload's clone URL");
        request.RepositoryUrl.Should().Be("https://github.com/acme/site");
        request.PullRequestUrl.Should().NotBeNull();
    }

    [Fact]
    public async Task RunStartedEvent_IsStoredBeforeThePipelineGoesOn_AndTheFinishedEventEndsTheRun()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        string? storedWhenTheRunWentOn = null;
        var entry = new EntryPipeline(async (request, events, _, _) =>
        {
            await events(new RunStarted("20261205-193000-beef", service.Folder.Combine("runs", "20261205-193000-beef")));
            storedWhenTheRunWentOn = (await service.RunsAsync()).Single().PipelineRunId;
            await events(new StageChanged(StageNames.Build, StageState.Running, null));
            await events(new StageChanged(StageNames.Build, StageState.Failed, "composer.lock is out of date"));
            return new RunFinished(RunState.Failed, "build failed (composer.lock is out of date)");
        });
        service.Pipeline.Inner = entry;

        var id = await service.StartRunAsync("feature/login");
        var run = await service.WaitForStateAsync(id, RunState.Failed);

        storedWhenTheRunWentOn.Should().Be("20261205-193000-beef", "the run's resources are found by this id after a crash");
        run.PipelineRunId.Should().Be("20261205-193000-beef");
        run.Summary.Should().Be("build failed (composer.lock is out of date)");
    }

    [Fact]
    public async Task NewerPush_SignalsSupersededBeforeItCancels_AndTheRunEndsSuperseded()
    {
        await using var service = await ServiceUnderTest.StartAsync();
        var cancelledWhenSuperseded = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var entry = new EntryPipeline(async (request, events, cancellation, superseded) =>
        {
            if (request.Branch != "feature/login" || cancelledWhenSuperseded.Task.IsCompleted)
            {
                return new RunFinished(RunState.Succeeded, "done");
            }

            superseded.Register(() => cancelledWhenSuperseded.TrySetResult(cancellation.IsCancellationRequested));
            await events(new RunStarted("20261205-193000-0001", null));
            try
            {
                await Task.Delay(Timeout.Infinite, cancellation);
            }
            catch (OperationCanceledException)
            {
                // Stopped, as a real run is.
            }

            return new RunFinished(RunState.Cancelled, "cancelled");
        });
        service.Pipeline.Inner = entry;
        var older = await service.StartRunAsync("feature/login");
        await service.WaitForRunAsync(older, run => run.PipelineRunId is not null);

        var newer = await service.StartRunAsync("feature/login");

        (await service.WaitForStateAsync(older, RunState.Superseded)).SupersededBy.Should().Be(newer);
        (await cancelledWhenSuperseded.Task.WaitAsync(TimeSpan.FromSeconds(30))).Should().BeFalse("the pipeline marks its status before its stop");
        await service.WaitForStateAsync(newer, RunState.Succeeded);
    }

    /// <summary>A pipeline made of one function: what a test's fake run does with the request, events and signals.</summary>
    private sealed class EntryPipeline(
        Func<PipelineRequest, Func<PipelineEvent, Task>, CancellationToken, CancellationToken, Task<RunFinished>> run) : IPipelineRunner
    {
        public async Task<RunFinished> RunAsync(
            PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
        {
            var finished = await run(request, events, cancellation, superseded);
            await events(finished);
            return finished;
        }
    }
}
