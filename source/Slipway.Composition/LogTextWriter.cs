using System.Text;
using Slipway.Engine;

namespace Slipway.Composition;

/// <summary>
/// A TextWriter that hands whole lines to the build log as lines about the run (the console status reporter's): they
/// carry no target's prefix, because the target whose code writes one is not the stage it speaks of.
/// </summary>
public sealed class LogTextWriter : TextWriter
{
    private readonly StringBuilder _line = new();

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        if (value == '\n')
        {
            Log.RunStatus(_line.ToString().TrimEnd('\r'));
            _line.Clear();
            return;
        }

        _line.Append(value);
    }

    public override void Flush()
    {
        if (_line.Length > 0)
        {
            Log.RunStatus(_line.ToString());
            _line.Clear();
        }
    }
}
