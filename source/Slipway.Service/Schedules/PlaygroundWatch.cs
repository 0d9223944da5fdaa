using Microsoft.Extensions.Hosting;
using Slipway.Pipeline.Playground;
using Slipway.Platform;
using Slipway.Service.Hosting;

namespace Slipway.Service.Schedules;

/// <summary>
/// At start and every few minutes after: playgrounds that should be up but stopped are started again (the local
/// engine), and those that cannot be are logged and shown down on the playgrounds page.
/// </summary>
internal sealed class PlaygroundWatch(PlaygroundReconciler reconciler, PlaygroundConditions conditions, TimeProvider clock, ServiceLog log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await LookAsync(stoppingToken);
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task LookAsync(CancellationToken cancellationToken)
    {
        try
        {
            var found = await reconciler.ReconcileAsync(cancellationToken);
            conditions.Replace(found);
            foreach (var ((app, branch), condition) in found)
            {
                if (condition == ServiceCondition.Restarted)
                {
                    log.Information($"The playground of {app} {branch} had stopped and was started again.");
                }
                else if (condition == ServiceCondition.Down)
                {
                    log.Warning($"The playground of {app} {branch} is down (gone, or stopped and not started again): run its pipeline again, or tear it down.");
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            log.Warning($"The playgrounds could not be checked: {exception.Message}");
        }
    }
}
