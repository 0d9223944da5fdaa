using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Docker.DotNet.Models;
using Slipway.Platform;
using Library = Docker.DotNet;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>The most lines handed out in one page of a container's log.</summary>
    public const int MaxLogPageLines = 500;

    private const int LogReadBufferSize = 64 * 1024;

    /// <summary>
    /// A container's stdout and stderr as lines, a page per read from the engine (at most <see cref="MaxLogPageLines"/>).
    /// With <paramref name="follow"/> it keeps reading until the container stops; without it ends with the log so far.
    /// A container with a terminal has one raw stream: all of it is stdout.
    /// </summary>
    /// <param name="tail">Only the last this many lines of the log so far; the whole log when null.</param>
    public async IAsyncEnumerable<IReadOnlyList<LogLine>> ReadContainerLogAsync(
        string container,
        bool follow,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int? tail = null)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = follow,
            Tail = tail?.ToString(CultureInfo.InvariantCulture) ?? "all",
        };
        using var stream = await CallAsync(client => client.Containers.GetContainerLogsAsync(container, parameters, cancellationToken));

        // The library splits the engine's frames by stream; lines are joined here, since a line may span frames.
        var stdout = new LogLineSplitter(LogStream.Stdout);
        var stderr = new LogLineSplitter(LogStream.Stderr);
        var buffer = ArrayPool<byte>.Shared.Rent(LogReadBufferSize);
        try
        {
            while (true)
            {
                var lines = new List<LogLine>();
                var read = await CallAsync(_ => stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken));
                if (read.EOF || read.Count == 0)
                {
                    break;
                }

                var splitter = read.Target == Library.MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
                splitter.Append(buffer.AsSpan(0, read.Count), lines);
                foreach (var page in Pages(lines))
                {
                    yield return page;
                }
            }

            var last = new List<LogLine>();
            stdout.Flush(last);
            stderr.Flush(last);
            foreach (var page in Pages(last))
            {
                yield return page;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IEnumerable<IReadOnlyList<LogLine>> Pages(List<LogLine> lines) =>
        lines.Count <= MaxLogPageLines ? (lines.Count == 0 ? [] : [lines]) : lines.Chunk(MaxLogPageLines);
}
