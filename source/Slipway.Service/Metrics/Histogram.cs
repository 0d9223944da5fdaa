namespace Slipway.Service.Metrics;

/// <summary>A Prometheus-style histogram: cumulative bucket counts, a sum and a count. Thread-safe.</summary>
public sealed class Histogram(double[] bounds)
{
    private readonly Lock _gate = new();
    private readonly long[] _counts = new long[bounds.Length];
    private double _sum;
    private long _count;

    /// <summary>Counts one observation in every bucket whose bound it does not exceed.</summary>
    public void Observe(double value)
    {
        lock (_gate)
        {
            for (var index = 0; index < bounds.Length; index++)
            {
                if (value <= bounds[index])
                {
                    _counts[index]++;
                }
            }

            _sum += value;
            _count++;
        }
    }

    /// <summary>A consistent copy: (upper bound, cumulative count) per bucket, then the sum and count of all observations.</summary>
    public (IReadOnlyList<(double Bound, long Count)> Buckets, double Sum, long Count) Snapshot()
    {
        lock (_gate)
        {
            return (bounds.Select((bound, index) => (bound, _counts[index])).ToList(), _sum, _count);
        }
    }
}
