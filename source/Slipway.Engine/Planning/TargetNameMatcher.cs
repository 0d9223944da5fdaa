namespace Slipway.Engine.Planning;

/// <summary>Suggests the closest known name for a mistyped one, by edit distance ignoring case.</summary>
internal static class TargetNameMatcher
{
    /// <summary>The candidate with the smallest edit distance to <paramref name="name"/> (ties: alphabetical), or null when there are none.</summary>
    public static string? Closest(string name, IEnumerable<string> candidates) => candidates
        .OrderBy(candidate => Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant()))
        .ThenBy(candidate => candidate, StringComparer.OrdinalIgnoreCase)
        .FirstOrDefault();

    /// <summary>Levenshtein distance: insertions, deletions and substitutions needed to turn one string into the other.</summary>
    public static int Distance(string from, string to)
    {
        var previous = new int[to.Length + 1];
        var current = new int[to.Length + 1];
        for (var j = 0; j <= to.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= from.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= to.Length; j++)
            {
                var substitution = previous[j - 1] + (from[i - 1] == to[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[to.Length];
    }
}
