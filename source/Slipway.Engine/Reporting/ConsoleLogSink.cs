namespace Slipway.Engine.Reporting;

/// <summary>
/// Shows log lines on the console: filtered by verbosity, marked by level, and, when targets run in parallel,
/// prefixed with the target that wrote them.
/// </summary>
internal sealed class ConsoleLogSink(IConsoleWriter writer) : ILogSink
{
    private volatile IConsoleWriter writer = writer;

    public Verbosity Verbosity { get; set; } = Verbosity.Normal;

    /// <summary>The width of the target-name column; 0 writes no prefix.</summary>
    public int PrefixWidth { get; set; }

    /// <summary>Where lines go; the live status view swaps in a writer that keeps its table below the lines.</summary>
    public IConsoleWriter Writer
    {
        get => writer;
        set => writer = value;
    }

    public void Write(LogEntry entry)
    {
        if (!Shows(entry.Level))
        {
            return;
        }

        var text = entry.Level switch
        {
            LogLevel.Warning => "warning: " + entry.Text,
            LogLevel.Error => "error: " + entry.Text,
            _ => entry.Text,
        };
        if (PrefixWidth > 0 && entry.Target is { } target)
        {
            text = $"{target.PadRight(PrefixWidth)} | {text}";
        }

        writer.WriteLine(text, entry.Level);
    }

    private bool Shows(LogLevel level) => Verbosity switch
    {
        Verbosity.Quiet => level >= LogLevel.Error,
        Verbosity.Minimal => level >= LogLevel.Warning,
        Verbosity.Normal => level >= LogLevel.Information,
        _ => true,
    };
}
