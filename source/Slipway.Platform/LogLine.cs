namespace Slipway.Platform;

/// <summary>Which output stream a log line came from; <see cref="Unknown"/> where the platform does not say (CloudWatch).</summary>
public enum LogStream
{
    Unknown,
    Stdout,
    Stderr,
}

/// <summary>One line of a task's log, without its line ending.</summary>
public readonly record struct LogLine(LogStream Stream, string Text)
{
    public static LogLine Out(string text) => new(LogStream.Stdout, text);

    public static LogLine Err(string text) => new(LogStream.Stderr, text);
}
