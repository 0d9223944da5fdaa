using System.Buffers;
using System.Runtime.CompilerServices;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>The most lines handed out in one page of a container's log.</summary>
    public const int MaxLogPageLines = 500;

    private const int LogReadBufferSize = 64 * 1024;

    /// <summary>
    /// A container's stdout and stderr as lines, a page per read from the engine (at most <see cref="MaxLogPageLines"/>).
    /// With <paramref name="follow"/> it keeps reading until the container stops; without it ends with the log so far.
    /// </summary>
    /// <param name="tail">Only the last this many lines of the log so far; the whole log when null.</param>
    public async IAsyncEnumerable<IReadOnlyList<LogLine>> ReadContainerLogAsync(
        string container,
        bool follow,
        [EnumeratorCancellation] CancellationToken cancellationToken,
        int? tail = null)
    {
        var details = await InspectContainerAsync(container, cancellationToken);
        var query = new QueryString().Add("stdout", true).Add("stderr", true).Add("follow", follow).Add("tail", tail?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "all");
        using var response = await SendAsync(HttpMethod.Get, $"/containers/{EscapePath(container)}/logs", cancellationToken, query);
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);

        var decoder = new LogStreamDecoder(multiplexed: !details.Tty);
        var buffer = ArrayPool<byte>.Shared.Rent(LogReadBufferSize);
        try
        {
            var lines = new List<LogLine>();
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                decoder.Decode(buffer.AsSpan(0, read), lines);
                foreach (var page in Pages(lines))
                {
                    yield return page;
                }

                lines = [];
            }

            decoder.Complete(lines);
            foreach (var page in Pages(lines))
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
