namespace Slipway.Platform;

/// <summary>Which output stream a log line came from; <see cref="Unknown"/> where the platform does not say (CloudWatch).</summary>
public enum LogStream
{
    Unknown,
    Stdout,
    Stderr,
}

/// <summary>One line of a task's log, without its line ending.</summary>
/// <param name="Unterminated">
/// True for the last line of a stream that ended without a line ending (where the platform can tell), so that the
/// output can be written again byte for byte.
/// </param>
public readonly record struct LogLine(LogStream Stream, string Text, bool Unterminated = false)
{
    public static LogLine Out(string text) => new(LogStream.Stdout, text);

    public static LogLine Err(string text) => new(LogStream.Stderr, text);
}
