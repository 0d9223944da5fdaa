using Spectre.Console;

namespace Slipway.Engine.Reporting;

/// <summary>Writes lines through Spectre.Console, which keeps a live display below them.</summary>
internal sealed class SpectreConsoleWriter(IAnsiConsole console) : IConsoleWriter
{
    private readonly Lock gate = new();

    public void WriteLine(string text, LogLevel level = LogLevel.Information)
    {
        var style = level switch
        {
            LogLevel.Debug => new Style(Color.Grey),
            LogLevel.Warning => new Style(Color.Yellow),
            LogLevel.Error => new Style(Color.Red),
            _ => Style.Plain,
        };

        lock (gate)
        {
            console.Write(new Text(text + "\n", style));
        }
    }
}
