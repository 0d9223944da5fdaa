using Slipway.Service.Queue;

namespace Slipway.Service.Execution;

/// <summary>Removes what an interrupted run had started, found by its labels.</summary>
public interface IRunResourceCleaner
{
    /// <summary>Removes the resources of the run's pipeline run and forgets its playground; returns how many resources went.</summary>
    Task<int> CleanAsync(QueuedRun run, CancellationToken cancellationToken);
}
