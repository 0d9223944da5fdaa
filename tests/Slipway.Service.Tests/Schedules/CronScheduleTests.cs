using Slipway.Service.Schedules;

namespace Slipway.Service.Tests.Schedules;

public sealed class CronScheduleTests
{
    [Theory]
    [InlineData("2026-11-20T19:30:00+01:00", "2026-11-23T19:00:00+01:00")] // Friday evening, winter time: Monday.
    [InlineData("2026-07-07T08:00:00+02:00", "2026-07-07T19:00:00+02:00")] // Tuesday morning, summer time: the same day.
    [InlineData("2026-03-27T19:00:00+01:00", "2026-03-30T19:00:00+02:00")] // Over the switch to summer time.
    public void Default_FiresAtSevenInTheEveningOnWeekdaysInItsTimeZone(string after, string expected)
    {
        var schedule = CronSchedule.Parse(CronSchedule.WeekdaysAtSeven, "Europe/Berlin");

        schedule.NextAfter(DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture))
            .Should().Be(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void NotACronExpression_IsRefusedNamingTheSettingAndAnExample()
    {
        var parse = () => CronSchedule.Parse("every evening", "UTC");

        parse.Should().Throw<ServiceSettingsException>().WithMessage("TeardownSchedule 'every evening' is not a Quartz cron expression*0 0 19 ? * MON-FRI*");
    }

    [Fact]
    public void UnknownTimeZone_IsRefusedNamingTheSetting()
    {
        var parse = () => CronSchedule.Parse(CronSchedule.WeekdaysAtSeven, "Mars/Olympus_Mons");

        parse.Should().Throw<ServiceSettingsException>().WithMessage("TimeZone 'Mars/Olympus_Mons' is not a time zone*");
    }
}
