using Slipway.Pipeline.State;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Schedules;

/// <summary>The close-of-business job: queues a teardown for every playground that is not marked keep.</summary>
/// <remarks>A playground of a long-lived branch (<see cref="ServiceOptions.LongLivedBranches"/>) stays as well: it is the team's, not a pull request's.</remarks>
public sealed class CloseOfBusinessTeardown(IRunStore pipelineStore, RunQueue queue, ServiceLog log, ServiceOptions options) : IScheduledJob
{
    /// <inheritdoc />
    public string Name => "Close-of-business teardown";

    /// <inheritdoc />
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var playgrounds = await pipelineStore.ListPlaygroundsAsync(cancellationToken);
        var kept = 0;
        foreach (var playground in playgrounds)
        {
            if (playground.Keep || options.IsLongLived(playground.Branch))
            {
                kept++;
                continue;
            }

            var source = (await queue.Store.FindByPipelineRunAsync(playground.RunId, cancellationToken))?.Request.App;
            await queue.EnqueueAsync(
                new RunRequest(PipelineNames.Teardown, playground.App, source, playground.Branch, Trigger: RunTriggers.Schedule),
                cancellationToken);
        }

        log.Information($"{Name}: queued {playgrounds.Count - kept} teardown(s), kept {kept} playground(s) marked keep or of a long-lived branch.");
    }
}
