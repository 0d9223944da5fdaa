using System.Collections.Concurrent;
using Slipway.Engine;
using Slipway.Git;

namespace Slipway.Service.Queue;

/// <summary>
/// Collects the log lines of one run (subscribed with <c>Log.AddFlowSink</c>) and stores them in batches, so the
/// page can show the live tail while the run goes on. Secrets the service knows are masked before storing.
/// </summary>
internal sealed class RunLogCapture : ILogSink, IAsyncDisposable
{
    private const int MaxLineLength = 4000;
    private const int MaxLines = 200_000;
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(250);

    private readonly IRunQueueStore _store;
    private readonly string _runId;
    private readonly IReadOnlyList<string> _secrets;
    private readonly ConcurrentQueue<(DateTimeOffset, string, string?, string)> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _flushing;
    private int _count;
    private string? _lastLine;
    private string? _lastError;

    public RunLogCapture(IRunQueueStore store, string runId, IReadOnlyList<string> secrets)
    {
        _store = store;
        _runId = runId;
        _secrets = secrets;
        _flushing = FlushPeriodicallyAsync();
    }

    /// <summary>The last error line, else the last line of information: what a run's summary says when its pipeline gives none.</summary>
    public string? Conclusion => Volatile.Read(ref _lastError) ?? Volatile.Read(ref _lastLine);

    public void Write(LogEntry entry)
    {
        // What build.sh shows at its normal verbosity: debug detail (stack traces of cancellations) is not kept.
        if (entry.Level == LogLevel.Debug)
        {
            return;
        }

        var count = Interlocked.Increment(ref _count);
        if (count > MaxLines)
        {
            if (count == MaxLines + 1)
            {
                _pending.Enqueue((entry.Timestamp, "warning", null, $"The log has more than {MaxLines} lines; the rest is not kept."));
            }

            return;
        }

        var text = CredentialRedactor.Redact(entry.Text, _secrets);
        if (text.Length > MaxLineLength)
        {
            text = string.Concat(text.AsSpan(0, MaxLineLength), " …");
        }

        _pending.Enqueue((entry.Timestamp, LevelName(entry.Level), entry.Target, text));
        if (entry.Level == LogLevel.Error)
        {
            Volatile.Write(ref _lastError, text);
        }
        else if (entry.Level == LogLevel.Information && !string.IsNullOrWhiteSpace(text))
        {
            Volatile.Write(ref _lastLine, text.Trim());
        }
    }

    /// <summary>Stores what is still pending and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _flushing;
        await FlushAsync();
        _stop.Dispose();
    }

    private async Task FlushPeriodicallyAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                await Task.Delay(FlushInterval, _stop.Token);
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
            // Disposed: the last flush follows.
        }
    }

    private async Task FlushAsync()
    {
        var batch = new List<(DateTimeOffset, string, string?, string)>();
        while (_pending.TryDequeue(out var line))
        {
            batch.Add(line);
        }

        if (batch.Count > 0)
        {
            await _store.AppendLogAsync(_runId, batch, CancellationToken.None);
        }
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Debug => "debug",
        LogLevel.Warning => "warning",
        LogLevel.Error => "error",
        _ => "information",
    };
}
