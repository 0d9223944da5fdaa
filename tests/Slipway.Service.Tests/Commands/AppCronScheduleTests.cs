using Microsoft.Extensions.DependencyInjection;
using Slipway.Service.Queue;
using Slipway.Status;
using Slipway.Service.Schedules;
using Slipway.Service.Tests.Fixtures;

namespace Slipway.Service.Tests.Commands;

/// <summary>
/// The app's cron on the service's schedule: the shared development environment gets it by default, a branch's
/// playground only when its <c>.slipway.yml</c> opts in; each run is on the schedules page with its state and log.
/// </summary>
public sealed class AppCronScheduleTests
{
    // Wednesday 25 November 2026, 10:59 UTC.
    private static readonly DateTimeOffset BeforeTheHour = new(2026, 11, 25, 10, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnTheHour_CronIsQueuedForTheDevelopmentEnvironmentAndOptedInPlaygroundsOnly()
    {
        var clock = new FakeClock(BeforeTheHour);
        var folder = new TemporaryFolder();
        BranchWorld.Config(folder, "site", "feature/cron", "cron:\n  playgrounds: true\n");
        BranchWorld.Config(folder, "site", "main", "cron:\n  development: false\n");
        await using var service = await ServiceUnderTest.StartAsync(
            options => options with { AppCronSchedule = "0 0 * ? * *" },
            clock,
            folder: folder,
            seed: store =>
            {
                BranchWorld.Playground(store, "site", "develop", BeforeTheHour.AddDays(-3));
                BranchWorld.Playground(store, "site", "main", BeforeTheHour.AddDays(-3));
                BranchWorld.Playground(store, "site", "feature/login", BeforeTheHour.AddHours(-2));
                BranchWorld.Playground(store, "site", "feature/cron", BeforeTheHour.AddHours(-2));
            });
        var book = service.Host.Services.GetRequiredService<ScheduleBook>();
        await clock.WaitForTimersAsync(2, TimeSpan.FromSeconds(10));
        book.Runners.Select(runner => (runner.JobName, runner.NextRun)).Should().Equal(("Cron of site", new DateTimeOffset(2026, 11, 25, 11, 0, 0, TimeSpan.Zero)));

        clock.Advance(TimeSpan.FromMinutes(1));
        var runs = await service.WaitForRunsAsync(2, TimeSpan.FromMinutes(1));

        runs.Select(run => (run.Request.Pipeline, run.Request.Branch, run.Request.Trigger)).Should().BeEquivalentTo(
        [
            (PipelineNames.Cron, "develop", RunTriggers.Schedule),
            (PipelineNames.Cron, "feature/cron", RunTriggers.Schedule),
        ]);
        await service.WaitForStateAsync(runs[0].Id, RunState.Succeeded);
        var page = await service.Client.GetStringAsync("/schedules");
        page.Should().Contain("Cron of site").And.Contain($"<a href=\"/runs/{runs[0].Id}\">#{runs[0].Id} {runs[0].Request.Branch}</a>").And.Contain("Close-of-business teardown");
    }

    [Fact]
    public async Task ACronScheduleThatIsNotAnExpression_StopsTheServiceWithOneSentence()
    {
        var start = () => ServiceUnderTest.StartAsync(options => options with { AppCronSchedule = "hourly" });

        (await start.Should().ThrowAsync<ServiceSettingsException>()).Which.Message.Should().StartWith("AppCronSchedule 'hourly' is not a Quartz cron expression");
    }
}
