using System.Globalization;

namespace Slipway.Service.Web;

/// <summary>How times and durations read on the pages.</summary>
internal static class DisplayText
{
    public static string Time(DateTimeOffset? instant) =>
        instant is null ? "" : instant.Value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    public static string Duration(TimeSpan? duration)
    {
        if (duration is not { } value)
        {
            return "";
        }

        if (value < TimeSpan.Zero)
        {
            value = TimeSpan.Zero;
        }

        return value.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)value.TotalHours} h {value.Minutes:00} min")
            : string.Create(CultureInfo.InvariantCulture, $"{value.Minutes}:{value.Seconds:00}");
    }

    public static string Age(DateTimeOffset since, DateTimeOffset now)
    {
        var age = now - since;
        return age.TotalDays >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalDays} d {age.Hours} h")
            : age.TotalHours >= 1
                ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h {age.Minutes} min")
                : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.Minutes)} min");
    }
}
