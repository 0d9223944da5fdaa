using Microsoft.Extensions.Hosting;

namespace Slipway.Service.Schedules;

/// <summary>
/// Every scheduled job besides the close-of-business teardown, each on its own schedule: the apps' cron and nightly
/// dumps, and whatever another job is registered the same way (<see cref="ScheduleRegistrations"/>). Starts and stops
/// them with the service; the page lists them.
/// </summary>
public sealed class ScheduleBook(IReadOnlyList<ScheduledJobRunner> runners) : IHostedService
{
    public IReadOnlyList<ScheduledJobRunner> Runners => runners;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var runner in runners)
        {
            await runner.StartAsync(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var runner in runners)
        {
            await runner.StopAsync(cancellationToken);
        }
    }
}
