using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Results.Changes;

/// <summary>
/// The lines a pull request added or changed, per file, read from <c>git diff --unified=0</c>: annotations on them
/// go first, since that is where a reviewer looks.
/// </summary>
public sealed partial class ChangedLines
{
    private readonly Dictionary<string, List<(int First, int Last)>> _files;

    private ChangedLines(Dictionary<string, List<(int First, int Last)>> files) => _files = files;

    /// <summary>Nothing known to have changed.</summary>
    public static ChangedLines None { get; } = new([]);

    /// <summary>True when <paramref name="line"/> of <paramref name="file"/> (relative to the repository root) is new in the change.</summary>
    public bool Contains(string? file, int? line) =>
        file is not null && line is { } number && _files.TryGetValue(file, out var ranges) && ranges.Any(range => number >= range.First && number <= range.Last);

    /// <summary>Reads the new side of a unified diff: each file's <c>+++ b/path</c> and hunks' <c>+start,count</c>.</summary>
    public static ChangedLines Parse(string diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        var files = new Dictionary<string, List<(int, int)>>(StringComparer.Ordinal);
        List<(int, int)>? current = null;
        foreach (var line in diff.Split('\n'))
        {
            if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = line[4..].TrimEnd('\r');
                current = path.StartsWith("b/", StringComparison.Ordinal) ? files[path[2..]] = [] : null;
                continue;
            }

            var hunk = Hunk().Match(line);
            if (current is not null && hunk.Success)
            {
                var start = int.Parse(hunk.Groups["start"].Value, CultureInfo.InvariantCulture);
                var count = hunk.Groups["count"].Success ? int.Parse(hunk.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
                if (count > 0)
                {
                    current.Add((start, start + count - 1));
                }
            }
        }

        return new ChangedLines(files);
    }

    [GeneratedRegex(@"^@@ -[0-9,]+ \+(?<start>[0-9]+)(,(?<count>[0-9]+))? @@")]
    private static partial Regex Hunk();
}
