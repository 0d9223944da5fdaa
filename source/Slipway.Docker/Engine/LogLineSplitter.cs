using System.Buffers;
using System.Text;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

/// <summary>
/// Collects one output stream's bytes and hands out whole lines, so a line (or a UTF-8 character) split across
/// log frames or reads comes out in one piece. Line endings (\n or \r\n) are dropped.
/// </summary>
internal sealed class LogLineSplitter(LogStream stream)
{
    private readonly ArrayBufferWriter<byte> partialLine = new();

    public void Append(ReadOnlySpan<byte> bytes, List<LogLine> lines)
    {
        while (!bytes.IsEmpty)
        {
            var newline = bytes.IndexOf((byte)'\n');
            if (newline < 0)
            {
                partialLine.Write(bytes);
                return;
            }

            if (partialLine.WrittenCount == 0)
            {
                lines.Add(ToLine(bytes[..newline]));
            }
            else
            {
                partialLine.Write(bytes[..newline]);
                lines.Add(ToLine(partialLine.WrittenSpan));
                partialLine.Clear();
            }

            bytes = bytes[(newline + 1)..];
        }
    }

    /// <summary>Hands out the last line when the stream ended without a line ending.</summary>
    public void Flush(List<LogLine> lines)
    {
        if (partialLine.WrittenCount > 0)
        {
            lines.Add(ToLine(partialLine.WrittenSpan) with { Unterminated = true });
            partialLine.Clear();
        }
    }

    private LogLine ToLine(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }

        return new LogLine(stream, Encoding.UTF8.GetString(bytes));
    }
}
