using Slipway.Pipeline.State;
using Slipway.Service.Apps;
using Slipway.Service.Commands;
using Slipway.Service.Hosting;
using Slipway.Service.Queue;

namespace Slipway.Service.Schedules;

/// <summary>
/// The one place per-app scheduled jobs are made: for each app the service knows, its cron (<see cref="ServiceOptions.AppCronSchedule"/>,
/// or the app's own from <see cref="ServiceOptions.AppCronSchedules"/>) and, when a source database is configured, its nightly dump
/// (<see cref="ServiceOptions.DumpSchedule"/>) and, when the app has a files source of its own (<see cref="ServiceOptions.FilesSources"/>),
/// its nightly files sync (<see cref="ServiceOptions.FilesSchedule"/>). Another nightly job joins by adding one line here: its job class and its schedule.
/// </summary>
public static class ScheduleRegistrations
{
    /// <summary>The schedule value that turns a job off.</summary>
    public const string Off = "off";

    public static IReadOnlyList<ScheduledJobRunner> For(
        ServiceOptions options, AppCatalog apps, IRunStore pipelineStore, BranchCommandCatalog catalog, RunQueue queue, TimeProvider clock, ServiceLog log)
    {
        if (options.FilesSources.Keys.FirstOrDefault(name => apps.Find(name) is null) is { } unknown)
        {
            throw new ServiceSettingsException(
                $"--files-source names the app '{unknown}', which the service does not serve (it serves {string.Join(", ", apps.All.Select(app => app.Name))}): fix the name before '='.");
        }

        var runners = new List<ScheduledJobRunner>();
        foreach (var app in apps.All)
        {
            var cron = options.AppCronSchedules.GetValueOrDefault(app.Name) ?? options.AppCronSchedule;
            Add(runners, cron, nameof(ServiceOptions.AppCronSchedule), options, clock, log,
                new AppCronJob(app.Name, pipelineStore, catalog, queue, log, options));
            Add(runners, options.DumpSchedule, nameof(ServiceOptions.DumpSchedule), options, clock, log,
                NightlyDataJob.Dump(app.Name, app.Source, queue, log));
            if (options.FilesSources.GetValueOrDefault(app.Name) is { } files)
            {
                Add(runners, options.FilesSchedule, nameof(ServiceOptions.FilesSchedule), options, clock, log,
                    NightlyDataJob.Files(app.Name, app.Source, files, queue, log));
            }
        }

        return runners;
    }

    private static void Add(List<ScheduledJobRunner> runners, string? expression, string setting, ServiceOptions options, TimeProvider clock, ServiceLog log, IScheduledJob job)
    {
        if (!string.IsNullOrWhiteSpace(expression) && !string.Equals(expression.Trim(), Off, StringComparison.OrdinalIgnoreCase))
        {
            runners.Add(new ScheduledJobRunner(CronSchedule.Parse(expression, options.TimeZone, setting), job, clock, log));
        }
    }
}
