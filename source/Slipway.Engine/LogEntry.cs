namespace Slipway.Engine;

/// <summary>One whole line of the build's log.</summary>
/// <param name="Timestamp">When the line was written.</param>
/// <param name="Level">How important the line is.</param>
/// <param name="Target">The target that wrote it, when it was written while a target ran.</param>
/// <param name="Text">The line, without its line ending.</param>
public readonly record struct LogEntry(DateTimeOffset Timestamp, LogLevel Level, string? Target, string Text);
