using System.Text;
using Slipway.Engine;

namespace Slipway.Pipeline.Composition;

/// <summary>A TextWriter that hands whole lines to the build log, so they are prefixed like any other output.</summary>
public sealed class LogTextWriter : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Log.Information(_line.ToString().TrimEnd('\r'));
            _line.Clear();
            return;
        }

        _line.Append(value);
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            Log.Information(_line.ToString());
            _line.Clear();
        }
    }
}
