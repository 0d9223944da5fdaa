namespace Slipway.Engine;

/// <summary>Receives the build's log lines, one whole line at a time. Implementations must be thread-safe.</summary>
public interface ILogSink
{
    /// <summary>Receives one line.</summary>
    void Write(LogEntry entry);
}
