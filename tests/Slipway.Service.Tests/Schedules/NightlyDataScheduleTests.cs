using Microsoft.Extensions.DependencyInjection;
using Slipway.Service.Queue;
using Slipway.Service.Schedules;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Schedules;

/// <summary>
/// The nightly data jobs beside the close-of-business teardown: the database dump and the files sync are queued on their
/// own schedules, each for the app, and each run is on the schedules page under its job.
/// </summary>
public sealed class NightlyDataScheduleTests
{
    // Thursday 26 November 2026, 01:59 UTC.
    private static readonly DateTimeOffset BeforeTheDump = new(2026, 11, 26, 1, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheFilesSyncIsQueuedAtItsOwnTime_AfterTheDump_AndBothAreOnTheSchedulesPage()
    {
        var clock = new FakeClock(BeforeTheDump);
        await using var service = await ServiceUnderTest.StartAsync(
            options => options with
            {
                AppCronSchedule = ScheduleRegistrations.Off,
                DumpSchedule = "0 0 2 ? * *",
                FilesSchedule = "0 30 2 ? * *",
                FilesSources = new Dictionary<string, string> { ["site"] = "/mnt/site-files" },
            },
            clock);
        var book = service.Host.Services.GetRequiredService<ScheduleBook>();
        await clock.WaitForTimersAsync(3, TimeSpan.FromSeconds(10));
        book.Runners.Select(runner => (runner.JobName, runner.NextRun)).Should().Equal(
            ("Database dump of site", new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero)),
            ("Files sync of site from /mnt/site-files", new DateTimeOffset(2026, 11, 26, 2, 30, 0, TimeSpan.Zero)));

        clock.Advance(TimeSpan.FromMinutes(1));
        var dump = (await service.WaitForRunsAsync(1, TimeSpan.FromMinutes(1))).Single();
        clock.Advance(TimeSpan.FromMinutes(30));
        var runs = await service.WaitForRunsAsync(2, TimeSpan.FromMinutes(1));
        var files = runs.Single(run => run.Id != dump.Id);

        (dump.Request.Pipeline, dump.Request.Trigger).Should().Be((PipelineNames.DumpDatabase, RunTriggers.Schedule));
        (files.Request.Pipeline, files.Request.AppName, files.Request.Trigger).Should().Be((PipelineNames.SyncFiles, "site", RunTriggers.Schedule));
        await service.WaitForStateAsync(files.Id, RunState.Succeeded);
        var page = await service.Client.GetStringAsync("/schedules");
        page.Should().Contain("Files sync of site from /mnt/site-files").And.Contain("Database dump of site").And.Contain($"<a href=\"/runs/{files.Id}\">#{files.Id}").And.Contain("Close-of-business teardown");
    }

    [Fact]
    public async Task AFilesScheduleThatIsNotAnExpression_StopsTheServiceWithOneSentence()
    {
        var start = () => ServiceUnderTest.StartAsync(options => options with { FilesSchedule = "nightly" });

        (await start.Should().ThrowAsync<ServiceSettingsException>()).Which.Message.Should().StartWith("FilesSchedule 'nightly' is not a Quartz cron expression");
    }
}
