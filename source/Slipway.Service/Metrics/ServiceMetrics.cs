using System.Collections.Concurrent;

namespace Slipway.Service.Metrics;

/// <summary>Counters and histograms the service keeps in memory since it started; /metrics adds the queue's gauges from the store.</summary>
public sealed class ServiceMetrics
{
    /// <summary>Upper bounds (seconds) of the stage duration buckets: 1 s to 1 h.</summary>
    public static readonly double[] StageBuckets = [1, 5, 15, 30, 60, 120, 300, 600, 1200, 1800, 3600];

    private readonly ConcurrentDictionary<(string Provider, string Outcome), long> _webhooks = new();
    private readonly ConcurrentDictionary<string, long> _finished = new();
    private readonly ConcurrentDictionary<string, Histogram> _stages = new();

    /// <summary>Counts a webhook delivery: accepted, duplicate, ignored, ping, unauthorized, malformed.</summary>
    public void CountWebhook(string provider, string outcome) => _webhooks.AddOrUpdate((provider, outcome), 1, (_, count) => count + 1);

    /// <summary>Counts a run that finished in this process, by final state.</summary>
    public void CountFinished(string state) => _finished.AddOrUpdate(state, 1, (_, count) => count + 1);

    /// <summary>Records how long one stage of a run took.</summary>
    public void ObserveStage(string stage, TimeSpan duration) => _stages.GetOrAdd(stage, _ => new Histogram(StageBuckets)).Observe(duration.TotalSeconds);

    /// <summary>Deliveries by provider and outcome.</summary>
    public IReadOnlyDictionary<(string Provider, string Outcome), long> Webhooks => _webhooks;

    /// <summary>Finished runs by final state.</summary>
    public IReadOnlyDictionary<string, long> Finished => _finished;

    /// <summary>Task time, estimated price and time to the playground of the finished runs.</summary>
    public RunCostMetrics Costs { get; } = new();

    /// <summary>Stage durations by stage name.</summary>
    public IReadOnlyDictionary<string, Histogram> Stages => _stages;
}
