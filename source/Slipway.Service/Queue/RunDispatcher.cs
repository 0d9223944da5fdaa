using Microsoft.Extensions.Hosting;
using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Service.Execution;
using Slipway.Service.Hosting;
using Slipway.Service.Metrics;
using Slipway.Status;

namespace Slipway.Service.Queue;

/// <summary>
/// Starts queued runs, at most <see cref="ServiceOptions.MaxConcurrentRuns"/> at once and one per branch, each
/// in an execution flow of its own whose log lines are captured with the run; records how each ends. Runs go to the
/// pipeline through its typed entry (<see cref="IPipelineRunner"/>): the pipeline's run id and outcome come back as events.
/// </summary>
public sealed class RunDispatcher(
    RunQueue queue,
    ActiveRuns active,
    IPipelineRunner pipeline,
    InterruptedRunRecovery recovery,
    IRunStore pipelineStore,
    ServiceMetrics metrics,
    ServiceOptions options,
    TimeProvider clock,
    ServiceLog log) : BackgroundService
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(2);

    private IRunQueueStore Store => queue.Store;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Yield first: the host goes on starting (Kestrel listens) while runs start.
        await Task.Yield();
        await recovery.RecoverAsync(stoppingToken);
        using var slots = new SemaphoreSlim(options.MaxConcurrentRuns);
        var workers = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                var run = await Store.ClaimNextAsync(clock.GetUtcNow(), stoppingToken);
                if (run is null)
                {
                    slots.Release();
                    await WaitForWorkAsync(stoppingToken);
                    continue;
                }

                workers.RemoveAll(worker => worker.IsCompleted);
                Task started;
                // The run's flow must not inherit this one's log sinks or current target: it gets its own.
                using (ExecutionContext.SuppressFlow())
                {
                    started = Task.Run(() => ExecuteRunAsync(run, stoppingToken), CancellationToken.None);
                }

                workers.Add(started.ContinueWith(_ => { slots.Release(); queue.Wake(); }, TaskScheduler.Default));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the running runs are cancelled through the same token and end below.
        }

        await Task.WhenAll(workers);
    }

    private async Task WaitForWorkAsync(CancellationToken stoppingToken)
    {
        // A wake-up comes with every new run and every finished one; the poll catches runs another instance stored.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(PollInterval);
        try
        {
            await queue.Wakeups.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // Poll interval passed.
        }
    }

    private async Task ExecuteRunAsync(QueuedRun run, CancellationToken stoppingToken)
    {
        using var execution = new PipelineExecution(run, stoppingToken);
        active.Add(execution);
        try
        {
            if ((await Store.FindAsync(run.Id, CancellationToken.None))?.SupersededBy is { } newer)
            {
                execution.Supersede(newer);
            }

            var (finished, conclusion) = await ExecuteCapturedAsync(execution);
            await RecordEndAsync(execution, finished, conclusion, stoppingToken);
        }
        catch (Exception exception)
        {
            log.Error($"Run {run.Id} could not be recorded as finished: {exception.Message}");
        }
        finally
        {
            active.Remove(run.Id);
        }
    }

    private async Task<(RunFinished Finished, string? Conclusion)> ExecuteCapturedAsync(PipelineExecution execution)
    {
        var run = execution.Run;
        await using var capture = new RunLogCapture(Store, run.Id, options.Secrets);
        var finished = await ExecuteAsync(execution, capture);
        return (finished, capture.Conclusion);
    }

    private async Task<RunFinished> ExecuteAsync(PipelineExecution execution, RunLogCapture capture)
    {
        var run = execution.Run;
        using (Log.AddFlowSink(capture))
        {
            Log.Information($"Run {run.Id}: {run.Request.Pipeline} of {run.Request.AppName} on {run.Request.Branch}" +
                (run.Attempts > 1 ? $" (attempt {run.Attempts}, after an interruption)" : string.Empty) + ".");
            try
            {
                // The run's arrival in the queue starts the clock of "time to the playground URL".
                var request = ForkCheckout.RequestOf(run.Request, run.Request.App ?? options.DefaultApp) with
                {
                    TriggeredAt = run.CreatedAt,
                    RunPageUrl = options.PublicAddress?.RunPage(run.Id),
                };
                return await pipeline.RunAsync(request, @event => OnEventAsync(execution, @event), execution.Cancellation, execution.Superseded);
            }
            catch (OperationCanceledException) when (execution.Cancellation.IsCancellationRequested)
            {
                return new RunFinished(RunState.Cancelled, "");
            }
            catch (Exception exception)
            {
                Log.Error($"The pipeline could not run: {exception.Message}");
                return new RunFinished(RunState.Failed, "");
            }
        }
    }

    /// <summary>What the service keeps of a run's events: the pipeline's run id, stored before the run creates anything labelled with it.</summary>
    private async Task OnEventAsync(PipelineExecution execution, PipelineEvent @event)
    {
        if (@event is RunStarted started && execution.PipelineRunId != started.RunId)
        {
            execution.PipelineRunId = started.RunId;
            await Store.SetPipelineRunAsync(execution.Run.Id, started.RunId, started.ReportFolder, CancellationToken.None);
        }
    }

    private async Task RecordEndAsync(PipelineExecution execution, RunFinished finished, string? conclusion, CancellationToken stoppingToken)
    {
        var run = execution.Run;
        var now = clock.GetUtcNow();
        var exitCode = finished.Outcome switch
        {
            RunState.Succeeded => ExitCodes.Success,
            RunState.Cancelled => ExitCodes.Cancelled,
            RunState.Failed when finished.RedChecksOnly => ExitCodes.ChecksFailed,
            _ => ExitCodes.TargetFailed,
        };
        var pipelineRun = execution.PipelineRunId is { } pipelineRunId
            ? await pipelineStore.FindRunAsync(pipelineRunId, CancellationToken.None)
            : null;
        await ObserveStagesAsync(execution.PipelineRunId);
        if (Web.RunInsights.Read((await Store.FindAsync(run.Id, CancellationToken.None))?.ReportFolder) is { } insights)
        {
            metrics.Costs.Add(insights);
        }

        if (exitCode != ExitCodes.Success && stoppingToken.IsCancellationRequested && !execution.IsSuperseded && !execution.IsCancelledByUser)
        {
            var left = await Store.InterruptAsync(run.Id, "the service was stopped", now, CancellationToken.None);
            log.Information($"Run {run.Id} was stopped with the service; it is {left.ToString().ToLowerInvariant()}.");
            return;
        }

        var state = exitCode == ExitCodes.Success ? RunState.Succeeded
            : execution.IsSuperseded ? RunState.Superseded
            : execution.IsCancelledByUser || exitCode == ExitCodes.Cancelled ? RunState.Cancelled
            : RunState.Failed;
        var summary = pipelineRun?.Summary ?? (finished.Summary.Length > 0 ? finished.Summary : null) ?? conclusion ?? $"exit code {exitCode}";
        if (await Store.FinishAsync(run.Id, run.Attempts, state, exitCode, summary, now, CancellationToken.None))
        {
            metrics.CountFinished(state.ToString());
            log.Information($"Run {run.Id} ({run.Request.Pipeline} of {run.Request.Branch}) {state.ToString().ToLowerInvariant()}.");
        }
    }

    private async Task ObserveStagesAsync(string? pipelineRunId)
    {
        if (pipelineRunId is null)
        {
            return;
        }

        foreach (var stage in await pipelineStore.ListStagesAsync(pipelineRunId, CancellationToken.None))
        {
            if (stage is { StartedAt: { } started, FinishedAt: { } finished })
            {
                metrics.ObserveStage(stage.Name, finished - started);
            }
        }
    }
}
