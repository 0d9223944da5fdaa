using Slipway.Platform;

namespace Slipway.Results.Tests.Fixtures;

/// <summary>Cuts a log into pages the way a platform might hand it out.</summary>
internal static class Pages
{
    public static IEnumerable<IReadOnlyList<LogLine>> OfSize(IReadOnlyList<LogLine> lines, int size) =>
        lines.Chunk(size);

    public static IEnumerable<IReadOnlyList<LogLine>> SplitAt(IReadOnlyList<LogLine> lines, int index) =>
        [lines.Take(index).ToArray(), lines.Skip(index).ToArray()];
}
