using System.Buffers.Binary;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

/// <summary>
/// Decodes a container log stream into lines. Without a TTY the engine multiplexes stdout and stderr into
/// frames: an 8-byte header (stream type, three zero bytes, big-endian payload size) and the payload. With a
/// TTY the stream is raw and all of it is stdout. Headers and payloads may be split across reads.
/// </summary>
internal sealed class LogStreamDecoder(bool multiplexed)
{
    private const int HeaderSize = 8;

    private readonly LogLineSplitter stdout = new(LogStream.Stdout);
    private readonly LogLineSplitter stderr = new(LogStream.Stderr);
    private readonly byte[] header = new byte[HeaderSize];
    private int headerBytes;
    private int payloadLeft;
    private LogLineSplitter current = null!;

    /// <summary>Decodes the next chunk of the stream, adding the lines it completes to <paramref name="lines"/>.</summary>
    public void Decode(ReadOnlySpan<byte> chunk, List<LogLine> lines)
    {
        if (!multiplexed)
        {
            stdout.Append(chunk, lines);
            return;
        }

        while (!chunk.IsEmpty)
        {
            if (payloadLeft == 0)
            {
                var take = Math.Min(HeaderSize - headerBytes, chunk.Length);
                chunk[..take].CopyTo(header.AsSpan(headerBytes));
                headerBytes += take;
                chunk = chunk[take..];
                if (headerBytes < HeaderSize)
                {
                    return;
                }

                headerBytes = 0;
                // 0 is stdin (never sent for logs), 1 stdout, 2 stderr, 3 the engine's own errors.
                current = header[0] >= 2 ? stderr : stdout;
                payloadLeft = (int)BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(4));
                continue;
            }

            var payload = Math.Min(payloadLeft, chunk.Length);
            current.Append(chunk[..payload], lines);
            payloadLeft -= payload;
            chunk = chunk[payload..];
        }
    }

    /// <summary>The stream ended: hands out the lines still waiting for a line ending.</summary>
    public void Complete(List<LogLine> lines)
    {
        stdout.Flush(lines);
        stderr.Flush(lines);
    }
}
