using Slipway.Engine.Definition;

namespace Slipway.Engine;

/// <summary>
/// The build's log. Thread-safe; every message is delivered as whole lines, tagged with the target that
/// wrote it (the console prefixes lines with it when targets run in parallel).
/// </summary>
public static class Log
{
    private static readonly AsyncLocal<FlowSink?> FlowSinks = new();
    private static readonly Lock GlobalSinksGate = new();
    private static ILogSink[] globalSinks = [];

    /// <summary>Writes detail shown only with <c>--verbosity verbose</c>.</summary>
    public static void Debug(string message) => Write(LogLevel.Debug, message);

    /// <summary>Writes progress.</summary>
    public static void Information(string message) => Write(LogLevel.Information, message);

    /// <summary>Writes a warning.</summary>
    public static void Warning(string message) => Write(LogLevel.Warning, message);

    /// <summary>Writes an error.</summary>
    public static void Error(string message) => Write(LogLevel.Error, message);

    /// <summary>
    /// Writes a line about the run as a whole (the state of its stages), at information level and with no target's
    /// prefix: such a line is written by whichever target's code happens to report a change, which is not the target
    /// it speaks of.
    /// </summary>
    public static void RunStatus(string message) => Write(LogLevel.Information, message, target: null);

    /// <summary>Writes a message at the given level, one entry per line.</summary>
    public static void Write(LogLevel level, string message) => Write(level, message, CurrentTarget.Name);

    private static void Write(LogLevel level, string message, string? target)
    {
        var flow = FlowSinks.Value;
        var global = Volatile.Read(ref globalSinks);
        if (flow is null && global.Length == 0)
        {
            return;
        }

        var timestamp = DateTimeOffset.Now;
        foreach (var line in SplitLines(message))
        {
            var entry = new LogEntry(timestamp, level, target, line);
            for (var node = flow; node is not null; node = node.Outer)
            {
                Deliver(node.Sink, entry);
            }

            foreach (var sink in global)
            {
                Deliver(sink, entry);
            }
        }
    }

    /// <summary>Subscribes a sink to every line written anywhere in the process, until the returned handle is disposed.</summary>
    public static IDisposable AddSink(ILogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        lock (GlobalSinksGate)
        {
            globalSinks = [.. globalSinks, sink];
        }

        return new Subscription(() =>
        {
            lock (GlobalSinksGate)
            {
                globalSinks = globalSinks.Where(existing => !ReferenceEquals(existing, sink)).ToArray();
            }
        });
    }

    /// <summary>
    /// Subscribes a sink to the lines written from the current async flow (this method's caller and everything
    /// it starts or awaits), until the returned handle is disposed: lets a caller capture the lines of one run
    /// while other runs go on in the same process.
    /// </summary>
    public static IDisposable AddFlowSink(ILogSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var outer = FlowSinks.Value;
        FlowSinks.Value = new FlowSink(sink, outer);
        return new Subscription(() => FlowSinks.Value = outer);
    }

    private static IEnumerable<string> SplitLines(string message)
    {
        if (message.IndexOfAny(['\n', '\r']) < 0)
        {
            return [message];
        }

        return message.Replace("\r\n", "\n").Replace('\r', '\n').TrimEnd('\n').Split('\n');
    }

    private static void Deliver(ILogSink sink, LogEntry entry)
    {
        try
        {
            sink.Write(entry);
        }
        catch (Exception)
        {
            // A sink that breaks (a closed web socket, a full disk) must not fail the target that logged.
        }
    }

    private sealed record FlowSink(ILogSink Sink, FlowSink? Outer);

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                unsubscribe();
            }
        }
    }
}
