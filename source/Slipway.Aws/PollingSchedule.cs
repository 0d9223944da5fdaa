namespace Slipway.Aws;

/// <summary>How often Slipway asks AWS whether something changed: a first wait that grows by a factor up to a longest wait.</summary>
public sealed record PollingSchedule(TimeSpan First, TimeSpan Longest, double Factor = 1.5)
{
    /// <summary>The wait before poll number <paramref name="poll"/> (1 for the first repeat).</summary>
    public TimeSpan DelayBefore(int poll)
    {
        var grown = First.TotalMilliseconds * Math.Pow(Factor, Math.Max(0, poll - 1));
        return TimeSpan.FromMilliseconds(Math.Min(grown, Longest.TotalMilliseconds));
    }
}
