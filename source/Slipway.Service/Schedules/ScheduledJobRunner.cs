using Microsoft.Extensions.Hosting;
using Slipway.Service.Hosting;

namespace Slipway.Service.Schedules;

/// <summary>
/// Runs a job each time its cron schedule fires, on the service's clock (<see cref="TimeProvider"/>), so a test's
/// fake clock drives it like the real one. A job that fails is logged and runs again at the next time.
/// </summary>
public sealed class ScheduledJobRunner(CronSchedule schedule, IScheduledJob job, TimeProvider clock, ServiceLog log) : BackgroundService
{
    // Timers are not made for weeks; a long wait is taken in steps, each re-reading the clock.
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    private DateTimeOffset? _next;

    /// <summary>When the job runs next; null before the runner started or when the schedule never fires again.</summary>
    public DateTimeOffset? NextRun => _next;

    /// <summary>When the job runs.</summary>
    public CronSchedule Schedule => schedule;

    /// <summary>The job's name.</summary>
    public string JobName => job.Name;

    /// <summary>The job itself, for the page.</summary>
    public IScheduledJob Job => job;

    /// <summary>When the job last ran and how that went (<c>queued</c>, or why it failed); null before its first run.</summary>
    public (DateTimeOffset At, string Outcome)? LastRun { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _next = schedule.NextAfter(clock.GetUtcNow());
        log.Information($"{job.Name}: scheduled {schedule}, next at {Describe(_next)}.");
        while (_next is { } due && !stoppingToken.IsCancellationRequested)
        {
            var wait = due - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < LongestWait ? wait : LongestWait, clock, stoppingToken);
                continue;
            }

            try
            {
                log.Information($"{job.Name}: running (scheduled for {Describe(due)}).");
                await job.RunAsync(stoppingToken);
                LastRun = (clock.GetUtcNow(), "ran");
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LastRun = (clock.GetUtcNow(), $"failed: {exception.Message}");
                log.Warning($"{job.Name} failed: {exception.Message} It runs again at the next scheduled time.");
            }

            _next = schedule.NextAfter(due > clock.GetUtcNow() ? due : clock.GetUtcNow());
        }
    }

    private string Describe(DateTimeOffset? instant) =>
        instant is null ? "never" : TimeZoneInfo.ConvertTime(instant.Value, schedule.TimeZone).ToString("ddd yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture);
}
