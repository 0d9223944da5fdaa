using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Execution;

/// <summary>
/// Cleans up after a run the service was running when it stopped: every resource of the run's app and branch that
/// carries the run's slipway:run label goes (earlier runs' playgrounds and images stay), and the pipeline's own
/// record of the run is marked interrupted.
/// </summary>
public sealed class OwnedResourceCleaner(IPlatform platform, IRunStore store, TimeProvider clock) : IRunResourceCleaner
{
    public async Task<int> CleanAsync(QueuedRun run, CancellationToken cancellationToken)
    {
        if (run.PipelineRunId is not { } pipelineRunId)
        {
            // The pipeline never started, so nothing carries its label.
            return 0;
        }

        var owned = await platform.ListOwnedAsync(run.Request.AppName, run.Request.Branch, cancellationToken);
        var ofRun = owned.Where(resource => resource.Label(Ownership.RunLabel) == pipelineRunId).ToList();
        if (ofRun.Count > 0)
        {
            await platform.RemoveAsync(ofRun, cancellationToken);
        }

        foreach (var playground in await store.ListPlaygroundsAsync(cancellationToken))
        {
            if (playground.RunId == pipelineRunId)
            {
                await store.RemovePlaygroundAsync(playground.App, playground.Branch, cancellationToken);
            }
        }

        if (await store.FindRunAsync(pipelineRunId, cancellationToken) is { State: RunState.Running or RunState.Queued } record)
        {
            await store.SaveRunAsync(
                record with { State = RunState.Interrupted, FinishedAt = clock.GetUtcNow(), Summary = "interrupted: the Slipway service stopped" },
                cancellationToken);
        }

        return ofRun.Count;
    }
}
