using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Slipway.Service.Web;

namespace Slipway.Service.Metrics;

/// <summary>
/// What the runs this instance finished cost, from their reports: task seconds by stage and platform, the estimated
/// price on AWS, and the time from trigger to playground URL (a histogram).
/// </summary>
public sealed class RunCostMetrics
{
    /// <summary>Upper bounds (seconds) of the time-to-URL buckets: 30 s to 30 min.</summary>
    public static readonly double[] TimeToUrlBuckets = [30, 60, 120, 300, 600, 1200, 1800];

    private readonly ConcurrentDictionary<(string Stage, string Platform), double> _taskSeconds = new();
    private readonly Histogram _timeToUrl = new(TimeToUrlBuckets);
    private readonly Lock _gate = new();
    private decimal _estimatedUsd;

    /// <summary>Adds a finished run's costs.</summary>
    public void Add(RunInsights insights)
    {
        ArgumentNullException.ThrowIfNull(insights);
        foreach (var (stage, platform, seconds, _) in insights.Stages)
        {
            _taskSeconds.AddOrUpdate((stage, platform), seconds, (_, total) => total + seconds);
        }

        lock (_gate)
        {
            _estimatedUsd += insights.EstimatedUsd ?? 0;
        }

        if (insights.TimeToUrlSeconds is { } toUrl)
        {
            _timeToUrl.Observe(toUrl);
        }
    }

    /// <summary>Appends the families in the Prometheus text format.</summary>
    public void WriteTo(StringBuilder text)
    {
        text.Append("# HELP slipway_task_seconds_total Task time of the runs this instance finished, by stage and platform.\n")
            .Append("# TYPE slipway_task_seconds_total counter\n");
        foreach (var ((stage, platform), seconds) in _taskSeconds.OrderBy(pair => pair.Key.Stage, StringComparer.Ordinal).ThenBy(pair => pair.Key.Platform, StringComparer.Ordinal))
        {
            text.Append($"slipway_task_seconds_total{{stage=\"{Escape(stage)}\",platform=\"{Escape(platform)}\"}} {Number(seconds)}\n");
        }

        decimal usd;
        lock (_gate)
        {
            usd = _estimatedUsd;
        }

        text.Append("# HELP slipway_estimated_cost_usd_total Estimated AWS price of the runs this instance finished (Fargate list prices).\n")
            .Append("# TYPE slipway_estimated_cost_usd_total counter\n")
            .Append($"slipway_estimated_cost_usd_total {usd.ToString(CultureInfo.InvariantCulture)}\n");
        text.Append("# HELP slipway_time_to_url_seconds From the trigger to the playground answering, for the runs this instance finished.\n")
            .Append("# TYPE slipway_time_to_url_seconds histogram\n");
        var (buckets, sum, count) = _timeToUrl.Snapshot();
        foreach (var (bound, cumulative) in buckets)
        {
            text.Append($"slipway_time_to_url_seconds_bucket{{le=\"{Number(bound)}\"}} {cumulative}\n");
        }

        text.Append($"slipway_time_to_url_seconds_bucket{{le=\"+Inf\"}} {count}\n")
            .Append($"slipway_time_to_url_seconds_sum {Number(sum)}\n")
            .Append($"slipway_time_to_url_seconds_count {count}\n");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
