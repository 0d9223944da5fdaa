namespace Slipway.Engine.Tests.Fixtures;

/// <summary>Keeps every log line it receives.</summary>
internal sealed class RecordingSink : ILogSink
{
    private readonly List<LogEntry> entries = [];

    public IReadOnlyList<LogEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return entries.ToList();
            }
        }
    }

    public void Write(LogEntry entry)
    {
        lock (entries)
        {
            entries.Add(entry);
        }
    }
}
