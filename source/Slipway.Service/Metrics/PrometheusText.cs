using System.Globalization;
using System.Text;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Metrics;

/// <summary>Writes the service's metrics in the Prometheus text exposition format (version 0.0.4).</summary>
public static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>The whole exposition: queue gauges from the store's counts, then this instance's counters and histograms.</summary>
    public static string Write(IReadOnlyDictionary<RunState, long> runsByState, int runningHere, ServiceMetrics metrics)
    {
        var text = new StringBuilder();
        Family(text, "slipway_queue_depth", "gauge", "Runs stored and waiting to start.");
        Sample(text, "slipway_queue_depth", [], runsByState.GetValueOrDefault(RunState.Queued));

        Family(text, "slipway_runs", "gauge", "Runs in the queue's store, by state.");
        foreach (var state in Enum.GetValues<RunState>())
        {
            Sample(text, "slipway_runs", [("state", state.ToString().ToLowerInvariant())], runsByState.GetValueOrDefault(state));
        }

        Family(text, "slipway_runs_executing", "gauge", "Runs this service instance is executing now.");
        Sample(text, "slipway_runs_executing", [], runningHere);

        Family(text, "slipway_runs_finished_total", "counter", "Runs this instance finished since it started, by final state.");
        foreach (var (state, count) in metrics.Finished.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            Sample(text, "slipway_runs_finished_total", [("state", state.ToLowerInvariant())], count);
        }

        Family(text, "slipway_webhooks_total", "counter", "Webhook deliveries received since the service started, by provider and outcome.");
        foreach (var ((provider, outcome), count) in metrics.Webhooks.OrderBy(pair => pair.Key.Provider, StringComparer.Ordinal).ThenBy(pair => pair.Key.Outcome, StringComparer.Ordinal))
        {
            Sample(text, "slipway_webhooks_total", [("provider", provider), ("outcome", outcome)], count);
        }

        Family(text, "slipway_stage_duration_seconds", "histogram", "How long the stages of the runs this instance finished took.");
        foreach (var (stage, histogram) in metrics.Stages.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var (buckets, sum, count) = histogram.Snapshot();
            foreach (var (bound, cumulative) in buckets)
            {
                Sample(text, "slipway_stage_duration_seconds_bucket", [("stage", stage), ("le", Number(bound))], cumulative);
            }

            Sample(text, "slipway_stage_duration_seconds_bucket", [("stage", stage), ("le", "+Inf")], count);
            text.Append("slipway_stage_duration_seconds_sum{stage=\"").Append(Escape(stage)).Append("\"} ").Append(Number(sum)).Append('\n');
            Sample(text, "slipway_stage_duration_seconds_count", [("stage", stage)], count);
        }

        metrics.Costs.WriteTo(text);
        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    private static void Sample(StringBuilder text, string name, (string Name, string Value)[] labels, long value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').AppendJoin(',', labels.Select(label => $"{label.Name}=\"{Escape(label.Value)}\"")).Append('}');
        }

        text.Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
