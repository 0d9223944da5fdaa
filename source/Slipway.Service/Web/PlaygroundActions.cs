using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Web;

/// <summary>What the playgrounds page and API do: mark a playground keep (the close-of-business teardown skips it) or tear it down now.</summary>
public sealed class PlaygroundActions(IRunStore pipelineStore, RunQueue queue)
{
    /// <exception cref="RunRequestException">No playground of that app and branch is running.</exception>
    public async Task<PlaygroundRecord> SetKeepAsync(string? app, string? branch, bool keep, CancellationToken cancellationToken)
    {
        var playground = await FindAsync(app, branch, cancellationToken);
        var changed = playground with { Keep = keep };
        await pipelineStore.SavePlaygroundAsync(changed, cancellationToken);
        return changed;
    }

    /// <summary>Queues a teardown of the playground.</summary>
    /// <exception cref="RunRequestException">No playground of that app and branch is running.</exception>
    public async Task<EnqueueResult> TearDownAsync(string? app, string? branch, string trigger, CancellationToken cancellationToken)
    {
        var playground = await FindAsync(app, branch, cancellationToken);
        var source = (await queue.Store.FindByPipelineRunAsync(playground.RunId, cancellationToken))?.Request.App;
        return await queue.EnqueueAsync(
            new RunRequest(PipelineNames.Teardown, playground.App, source, playground.Branch, Trigger: trigger),
            cancellationToken);
    }

    private async Task<PlaygroundRecord> FindAsync(string? app, string? branch, CancellationToken cancellationToken) =>
        (await pipelineStore.ListPlaygroundsAsync(cancellationToken)).FirstOrDefault(playground => playground.App == app && playground.Branch == branch)
            ?? throw new RunRequestException($"There is no playground of {app} for branch {branch}: see the playgrounds page for those that run.");
}
