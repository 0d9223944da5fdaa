using System.Text;
using Slipway.Engine;
using Slipway.Platform;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// Passes a command's output on as the command wrote it, so that <c>./build.sh Run … -- cat x &gt; file</c> gives the
/// file: its standard output to <paramref name="standardOutput"/> (each line as UTF-8 with its line ending, the last
/// one without when the command wrote none), its standard error to the log, beside what Slipway says.
/// </summary>
public sealed class RawCommandOutput(Stream standardOutput)
{
    public void Write(LogLine line)
    {
        if (line.Stream == LogStream.Stderr)
        {
            Log.Information(line.Text);
            return;
        }

        standardOutput.Write(Encoding.UTF8.GetBytes(line.Unterminated ? line.Text : line.Text + "\n"));
        standardOutput.Flush();
    }
}
