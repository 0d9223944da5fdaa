namespace Slipway.Engine.Reporting;

/// <summary>Writes whole lines to the console; implementations serialize concurrent writers.</summary>
internal interface IConsoleWriter
{
    void WriteLine(string text, LogLevel level = LogLevel.Information);
}
