using Microsoft.Extensions.DependencyInjection;
using Slipway.Pipeline.State;
using Slipway.Service.Queue;
using Slipway.Service.Schedules;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Schedules;

public sealed class CloseOfBusinessTeardownTests
{
    // Friday 20 November 2026, 18:59 in Berlin (UTC+1).
    private static readonly DateTimeOffset FridayBeforeSeven = new(2026, 11, 20, 17, 59, 0, TimeSpan.Zero);

    [Fact]
    public async Task AtSevenOnAWeekday_EveryPlaygroundNotMarkedKeepAndNotOfALongLivedBranchIsTornDown()
    {
        var clock = new FakeClock(FridayBeforeSeven);
        await using var service = await ServiceUnderTest.StartAsync(
            options => options with { TimeZone = "Europe/Berlin" },
            clock,
            seed: store =>
            {
                Save(store, "site", "feature/login", keep: false);
                Save(store, "site", "feature/demo-for-client", keep: true);
                Save(store, "shop", "feature/cart", keep: false);
                // develop is long-lived; a fork's develop is not the team's.
                Save(store, "site", "develop", keep: false);
                Save(store, "site", "forker/site:develop", keep: false);
            });
        var runner = service.Host.Services.GetRequiredService<ScheduledJobRunner>();
        await clock.WaitForTimersAsync(1, TimeSpan.FromSeconds(10));
        runner.NextRun.Should().Be(new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.Zero));

        clock.Advance(TimeSpan.FromSeconds(59));
        (await service.RunsAsync()).Should().BeEmpty("it is not seven yet");

        clock.Advance(TimeSpan.FromSeconds(1));

        var runs = await service.WaitForRunsAsync(3);
        runs.Select(run => (run.Request.Pipeline, run.Request.AppName, run.Request.Branch, run.Request.Trigger)).Should().BeEquivalentTo(
        [
            (PipelineNames.Teardown, "site", "feature/login", RunTriggers.Schedule),
            (PipelineNames.Teardown, "shop", "feature/cart", RunTriggers.Schedule),
            (PipelineNames.Teardown, "site", "forker/site:develop", RunTriggers.Schedule),
        ]);
        await clock.WaitForTimersAsync(1, TimeSpan.FromSeconds(10));
        runner.NextRun.Should().Be(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero), "the next weekday is Monday");
        (await service.RunsAsync()).Should().HaveCount(3, "site's develop is a long-lived branch and stays");
    }

    [Fact]
    public async Task OverTheWeekend_NothingIsTornDownUntilMonday()
    {
        var clock = new FakeClock(FridayBeforeSeven.AddHours(1));
        await using var service = await ServiceUnderTest.StartAsync(
            options => options with { TimeZone = "Europe/Berlin" },
            clock,
            seed: store => Save(store, "site", "feature/login", keep: false));
        await clock.WaitForTimersAsync(1, TimeSpan.FromSeconds(10));

        // Monday 17:59 in Berlin, then 18:59: long waits are taken in steps of at most an hour.
        foreach (var step in new[] { TimeSpan.FromDays(2) + TimeSpan.FromHours(22), TimeSpan.FromHours(1) })
        {
            clock.Advance(step);
            await clock.WaitForTimersAsync(1, TimeSpan.FromSeconds(10));
            (await service.RunsAsync()).Should().BeEmpty("Saturday and Sunday are not weekdays, and Monday's seven o'clock has not come");
        }

        clock.Advance(TimeSpan.FromMinutes(1));

        (await service.WaitForRunsAsync(1)).Single().Request.Branch.Should().Be("feature/login");
    }

    private static void Save(SqliteRunStore store, string app, string branch, bool keep) =>
        store.SavePlaygroundAsync(
            new PlaygroundRecord(app, branch, branch.Replace('/', '-'), $"http://{branch.Replace('/', '-')}.localhost:8081/", "c0ffee", $"slipway/{app}:x", "run-" + branch, "local", FridayBeforeSeven.AddHours(-3), keep),
            CancellationToken.None).GetAwaiter().GetResult();
}
