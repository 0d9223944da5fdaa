using System.Text;
using Slipway.Engine;

namespace Slipway.Service.Execution;

/// <summary>A TextWriter that writes each whole line to the build log at one level (a build's error output, for instance).</summary>
public sealed class LogLineWriter(LogLevel level) : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Flush();
            return;
        }

        if (value != '\r')
        {
            _line.Append(value);
        }
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            Log.Write(level, _line.ToString());
            _line.Clear();
        }
    }
}
