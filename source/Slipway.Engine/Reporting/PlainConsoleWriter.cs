namespace Slipway.Engine.Reporting;

/// <summary>Writes lines to a text writer, one at a time, coloured by level when <paramref name="useColor"/> is set.</summary>
internal sealed class PlainConsoleWriter(TextWriter writer, bool useColor) : IConsoleWriter
{
    private readonly Lock gate = new();

    public void WriteLine(string text, LogLevel level = LogLevel.Information)
    {
        var color = useColor ? level switch
        {
            LogLevel.Debug => "\e[90m",
            LogLevel.Warning => "\e[33m",
            LogLevel.Error => "\e[31m",
            _ => null,
        } : null;

        lock (gate)
        {
            writer.WriteLine(color is null ? text : color + text + "\e[0m");
            writer.Flush();
        }
    }
}
