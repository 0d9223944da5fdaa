namespace Slipway.Engine.Reporting;

/// <summary>Formats durations as minutes and seconds with tenths, e.g. <c>1:04.2</c>.</summary>
internal static class DurationFormat
{
    public static string Format(TimeSpan duration) =>
        $"{(int)duration.TotalMinutes}:{duration.Seconds:00}.{duration.Milliseconds / 100}";
}
