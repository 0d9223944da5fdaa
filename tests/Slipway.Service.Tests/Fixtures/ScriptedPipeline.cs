using System.Collections.Concurrent;
using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>
/// A pipeline whose runs do what the test says: by default they succeed at once; <see cref="HoldUntilCancelled"/>
/// keeps them running until they are stopped. Every run is kept for the test to look at.
/// </summary>
public sealed class ScriptedPipeline : IPipelineRunner
{
    private readonly ConcurrentQueue<ScriptedRun> _runs = new();
    private readonly SemaphoreSlim _started = new(0);

    /// <summary>What a run does; it returns the exit code a build would (0 succeeded, 130 cancelled, else failed).</summary>
    public Func<ScriptedRun, Task<int>> Behaviour { get; set; } = _ => Task.FromResult(ExitCodes.Success);

    public IReadOnlyList<ScriptedRun> Runs => _runs.ToList();

    /// <summary>Runs log a line, report a pipeline run id, then wait until cancelled and answer 130 like a cancelled build.</summary>
    public static async Task<int> HoldUntilCancelled(ScriptedRun run)
    {
        Log.Information($"holding {run.Request.Branch}");
        await run.ReportPipelineRunAsync("pipeline-" + Guid.NewGuid().ToString("N")[..8], null);
        try
        {
            await Task.Delay(Timeout.Infinite, run.Cancellation);
        }
        catch (OperationCanceledException)
        {
            Log.Warning("Cancelled.");
        }

        return ExitCodes.Cancelled;
    }

    /// <summary>When set, runs go to this pipeline of the test's as they come, events and outcome untouched; <see cref="Behaviour"/> is not used.</summary>
    public IPipelineRunner? Inner { get; set; }

    public async Task<RunFinished> RunAsync(
        PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default)
    {
        var run = new ScriptedRun(request, events, cancellation, superseded);
        _runs.Enqueue(run);
        _started.Release();
        if (Inner is { } inner)
        {
            return await inner.RunAsync(request, events, cancellation, superseded);
        }

        var exitCode = await Behaviour(run);
        // No summary of its own: the service falls back to the run's log, as for a pipeline that wrote none.
        var finished = new RunFinished(
            exitCode == ExitCodes.Success ? RunState.Succeeded : exitCode == ExitCodes.Cancelled ? RunState.Cancelled : RunState.Failed, "");
        await events(finished);
        return finished;
    }

    /// <summary>Waits until <paramref name="count"/> runs have started in all.</summary>
    public async Task WaitForStartsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_runs.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _started.WaitAsync(left))
            {
                throw new TimeoutException($"{_runs.Count} of {count} runs started.");
            }
        }
    }
}

/// <summary>One run of the <see cref="ScriptedPipeline"/>: what the service asked for, and its signals.</summary>
public sealed record ScriptedRun(
    PipelineRequest Request, Func<PipelineEvent, Task> Events, CancellationToken Cancellation, CancellationToken Superseded)
{
    /// <summary>Tells the service the pipeline's run id and report folder, as a real run does before it creates anything.</summary>
    public Task ReportPipelineRunAsync(string pipelineRunId, string? reportFolder) => Events(new RunStarted(pipelineRunId, reportFolder));
}
