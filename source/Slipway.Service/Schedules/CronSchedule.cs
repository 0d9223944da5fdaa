using Quartz;

namespace Slipway.Service.Schedules;

/// <summary>A Quartz cron expression in a time zone: when a scheduled job runs next.</summary>
public sealed class CronSchedule
{
    /// <summary>Monday to Friday at 19:00.</summary>
    public const string WeekdaysAtSeven = "0 0 19 ? * MON-FRI";

    private readonly CronExpression _expression;

    private CronSchedule(CronExpression expression, string text)
    {
        _expression = expression;
        Text = text;
    }

    /// <summary>The expression as given.</summary>
    public string Text { get; }

    /// <summary>The time zone the expression is read in.</summary>
    public TimeZoneInfo TimeZone => _expression.TimeZone;

    /// <summary>Reads a Quartz cron expression (seconds, minutes, hours, day of month, month, day of week[, year]).</summary>
    /// <param name="timeZone">An IANA time zone id such as Europe/Berlin; null or empty for the machine's.</param>
    /// <param name="setting">The setting the expression came from, named in the error.</param>
    /// <exception cref="ServiceSettingsException">The expression or the time zone is not valid.</exception>
    public static CronSchedule Parse(string expression, string? timeZone, string setting = "TeardownSchedule")
    {
        TimeZoneInfo zone;
        try
        {
            zone = string.IsNullOrWhiteSpace(timeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(timeZone.Trim());
        }
        catch (TimeZoneNotFoundException)
        {
            throw new ServiceSettingsException($"TimeZone '{timeZone}' is not a time zone this machine knows; use an IANA id such as Europe/Berlin or UTC.");
        }

        try
        {
            return new CronSchedule(new CronExpression(expression.Trim()) { TimeZone = zone }, expression.Trim());
        }
        catch (FormatException exception)
        {
            throw new ServiceSettingsException(
                $"{setting} '{expression}' is not a Quartz cron expression ({exception.Message.TrimEnd('.')}); write seconds minutes hours day-of-month month day-of-week, such as '{WeekdaysAtSeven}'.");
        }
    }

    /// <summary>The first time strictly after <paramref name="instant"/> the schedule fires; null when it never fires again.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset instant) => _expression.GetNextValidTimeAfter(instant);

    public override string ToString() => $"'{Text}' in {TimeZone.Id}";
}
