using System.Globalization;
using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

/// <summary>
/// Turns the engine's per-layer push or pull messages (many a second while bytes move) into a few lines a person
/// can follow on a terminal or in a CI log: "Pushing: 2 of 5 layers done, 12.5 of 48.0 MB", at most one every
/// <see cref="DefaultInterval"/>, plus the engine's own lines that belong to no layer (the digest line).
/// </summary>
internal sealed class TransferProgress(string verb, Action<string>? onLine, TimeProvider? clock = null, TimeSpan? interval = null)
{
    /// <summary>How often a summary line is printed while layers move.</summary>
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(5);

    private static readonly string[] DoneStatuses = ["Pushed", "Layer already exists", "Mounted from", "Pull complete", "Already exists"];

    private readonly TimeProvider time = clock ?? TimeProvider.System;
    private readonly TimeSpan every = interval ?? DefaultInterval;
    private readonly Dictionary<string, Layer> layers = new(StringComparer.Ordinal);
    private long? lastPrinted;
    private string? lastSummary;

    public void Accept(JSONMessage message)
    {
        if (message.Status is not { } status)
        {
            return;
        }

        if (string.IsNullOrEmpty(message.ID) || (!layers.ContainsKey(message.ID) && message.Progress is null && !IsLayerStatus(status)))
        {
            onLine?.Invoke(string.IsNullOrEmpty(message.ID) ? status : $"{message.ID}: {status}");
            return;
        }

        var layer = layers.TryGetValue(message.ID, out var known) ? known : new Layer();
        if (message.Progress is { Total: > 0 } progress)
        {
            layer = layer with { Current = progress.Current ?? layer.Current, Total = progress.Total.Value };
        }

        if (DoneStatuses.Any(done => status.StartsWith(done, StringComparison.Ordinal)))
        {
            layer = layer with { Done = true, Current = layer.Total };
        }

        layers[message.ID] = layer;
        var now = time.GetTimestamp();
        if (lastPrinted is null || time.GetElapsedTime(lastPrinted.Value, now) >= every)
        {
            Print(now);
        }
    }

    /// <summary>Prints where the transfer ended, unless that line was the last one printed.</summary>
    public void Complete()
    {
        if (layers.Count > 0)
        {
            Print(time.GetTimestamp());
        }
    }

    private void Print(long now)
    {
        var summary = Summary();
        lastPrinted = now;
        if (summary != lastSummary)
        {
            lastSummary = summary;
            onLine?.Invoke(summary);
        }
    }

    private string Summary()
    {
        var done = layers.Values.Count(layer => layer.Done);
        var current = layers.Values.Sum(layer => layer.Current);
        var total = layers.Values.Sum(layer => layer.Total);
        var bytes = total > 0 ? $", {Megabytes(current)} of {Megabytes(total)} MB" : string.Empty;
        return $"{verb}: {done} of {layers.Count} layers done{bytes}";
    }

    private static bool IsLayerStatus(string status) =>
        status is "Preparing" or "Waiting" or "Pulling fs layer" or "Downloading" or "Verifying Checksum" or "Download complete" or "Extracting" or "Pushing"
        || DoneStatuses.Any(done => status.StartsWith(done, StringComparison.Ordinal));

    private static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("0.0", CultureInfo.InvariantCulture);

    private sealed record Layer(long Current = 0, long Total = 0, bool Done = false);
}
