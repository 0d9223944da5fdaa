using Slipway.Status;
using Slipway.Pipeline.Commands;
using Slipway.Pipeline.State;
using Slipway.Service.Commands;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;

namespace Slipway.Service.Schedules;

/// <summary>
/// The app's cron: queues a <c>Cron</c> run against each of its environments that should get one — the shared
/// development environment (a long-lived branch's playground) unless its <c>.slipway.yml</c> says
/// <c>cron.development: false</c>, and a branch's playground only when it says <c>cron.playgrounds: true</c>.
/// </summary>
public sealed class AppCronJob(string app, IRunStore pipelineStore, BranchCommandCatalog catalog, RunQueue queue, ServiceLog log, ServiceOptions options) : IAppJob
{
    public string AppName => app;

    public string Pipeline => PipelineNames.Cron;

    public string Name => $"Cron of {app}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var playground in (await pipelineStore.ListPlaygroundsAsync(cancellationToken)).Where(record => record.App == app))
        {
            if (!Wants(playground))
            {
                continue;
            }

            var source = (await queue.Store.FindByPipelineRunAsync(playground.RunId, cancellationToken))?.Request.App;
            await queue.EnqueueAsync(new RunRequest(PipelineNames.Cron, app, source, playground.Branch, Trigger: RunTriggers.Schedule), cancellationToken);
            queued++;
        }

        log.Information($"{Name}: queued {queued} cron run(s).");
    }

    private bool Wants(PlaygroundRecord playground)
    {
        var longLived = options.IsLongLived(playground.Branch);
        try
        {
            var commands = catalog.Read(app, playground.Branch).Commands;
            return longLived ? commands.CronOnDevelopment ?? true : commands.CronOnPlaygrounds ?? false;
        }
        catch (CommandException exception)
        {
            // The branch's settings cannot be read: only the defaults speak.
            log.Warning($"{Name}: {exception.Message}");
            return longLived;
        }
    }
}
