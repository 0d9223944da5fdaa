using System.Collections.Concurrent;
using Slipway.Engine;
using Slipway.Service.Execution;

namespace Slipway.Service.Tests.Fixtures;

/// <summary>
/// An executor whose runs do what the test says: by default they succeed at once; <see cref="HoldUntilCancelled"/>
/// keeps them running until they are stopped. Every execution is kept for the test to look at.
/// </summary>
public sealed class ScriptedExecutor : IPipelineExecutor
{
    private readonly ConcurrentQueue<PipelineExecution> _executions = new();
    private readonly SemaphoreSlim _started = new(0);

    /// <summary>What a run does; it receives the execution and returns the exit code.</summary>
    public Func<PipelineExecution, Task<int>> Behaviour { get; set; } = _ => Task.FromResult(ExitCodes.Success);

    public IReadOnlyList<PipelineExecution> Executions => _executions.ToList();

    /// <summary>Runs log a line, report a pipeline run id, then wait until cancelled and answer 130 like a cancelled build.</summary>
    public static async Task<int> HoldUntilCancelled(PipelineExecution execution)
    {
        Log.Information($"holding {execution.Request.Branch}");
        execution.ReportPipelineRun("pipeline-" + execution.Run.Id, null);
        try
        {
            await Task.Delay(Timeout.Infinite, execution.Cancellation);
        }
        catch (OperationCanceledException)
        {
            Log.Warning("Cancelled.");
        }

        return ExitCodes.Cancelled;
    }

    public async Task<int> ExecuteAsync(PipelineExecution execution)
    {
        _executions.Enqueue(execution);
        _started.Release();
        return await Behaviour(execution);
    }

    /// <summary>Waits until <paramref name="count"/> runs have started in all.</summary>
    public async Task WaitForStartsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (_executions.Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _started.WaitAsync(left))
            {
                throw new TimeoutException($"{_executions.Count} of {count} runs started.");
            }
        }
    }
}
