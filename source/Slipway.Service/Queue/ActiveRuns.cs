using System.Collections.Concurrent;
using Slipway.Service.Execution;

namespace Slipway.Service.Queue;

/// <summary>The runs this service instance is executing right now, so that they can be cancelled or superseded.</summary>
public sealed class ActiveRuns
{
    private readonly ConcurrentDictionary<string, PipelineExecution> _runs = new();

    /// <summary>How many runs execute here now.</summary>
    public int Count => _runs.Count;

    /// <summary>Registers a run that starts executing.</summary>
    public void Add(PipelineExecution execution) => _runs[execution.Run.Id] = execution;

    /// <summary>Forgets a run that ended.</summary>
    public void Remove(string runId) => _runs.TryRemove(runId, out _);

    /// <summary>The execution of a run this instance runs.</summary>
    public bool TryGet(string runId, out PipelineExecution execution) => _runs.TryGetValue(runId, out execution!);

    /// <summary>Stops a running run that a newer one replaced; false when this instance does not run it.</summary>
    public bool Supersede(string runId, string newerRunId)
    {
        if (!_runs.TryGetValue(runId, out var execution))
        {
            return false;
        }

        execution.Supersede(newerRunId);
        return true;
    }
}
