using System.Collections.Concurrent;

namespace Slipway.Engine.Reporting;

/// <summary>
/// Keeps log lines until one thread takes them, so that while a live display is up the lines of targets
/// running on other threads never touch the console themselves: Spectre.Console's live renderer and its
/// console take their locks in opposite orders, and two threads writing at once can wait on each other forever.
/// </summary>
internal sealed class QueuedConsoleWriter : IConsoleWriter
{
    private readonly ConcurrentQueue<(string Text, LogLevel Level)> lines = new();

    public void WriteLine(string text, LogLevel level = LogLevel.Information) => lines.Enqueue((text, level));

    /// <summary>Takes every line written so far, oldest first.</summary>
    public IReadOnlyList<(string Text, LogLevel Level)> Take()
    {
        var taken = new List<(string Text, LogLevel Level)>();
        while (lines.TryDequeue(out var line))
        {
            taken.Add(line);
        }

        return taken;
    }
}
