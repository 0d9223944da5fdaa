namespace Slipway.Engine.Parameters;

/// <summary>
/// Reads a list parameter given as <c>key=value</c> entries, e.g. <c>--cron-schedules shop="0 */15 * ? * *"</c> or
/// <c>--files-source shop=/mnt/shop-files</c>: the one reader of that shape, so every such flag is spelled the same and
/// says the same about a mistake. A key is a name (letters, digits, '-', '_', '.'); the value is everything after the
/// first '=' of the entry.
/// </summary>
public static class KeyedEntries
{
    /// <summary>The entries by key (case-insensitive).</summary>
    /// <param name="entries">The parameter's values.</param>
    /// <param name="flag">The flag as users write it, for the message (<c>--cron-schedules</c>).</param>
    /// <param name="shape">What an entry is, for the message (<c>app=expression</c>).</param>
    /// <param name="example">An entry that is right, for the message.</param>
    /// <param name="bareKey">
    /// When given, a lone entry without a key is the value for this key (a one-app command line); with several
    /// entries each needs its key.
    /// </param>
    /// <exception cref="BuildFailedException">An entry is not key=value, or a key is given twice: one sentence naming the flag.</exception>
    public static IReadOnlyDictionary<string, string> Read(IReadOnlyList<string> entries, string flag, string shape, string example, string? bareKey = null)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            var (key, value) = Split(entry);
            if (key is null && bareKey is not null && entries.Count == 1 && entry.Trim().Length > 0)
            {
                (key, value) = (bareKey, entry.Trim());
            }

            if (key is null || value.Length == 0)
            {
                var bare = bareKey is null ? "" : " (a value without its key only when it is the one entry)";
                throw new BuildFailedException($"{flag} entry '{entry}' is not {shape}: write it like {example}{bare}.");
            }

            if (!values.TryAdd(key, value))
            {
                throw new BuildFailedException($"{flag} names '{key}' twice: give each one entry.");
            }
        }

        return values;
    }

    // The key and the value, or no key when the text before the first '=' is not a name (a path such as /mnt/a=b).
    private static (string? Key, string Value) Split(string entry)
    {
        var separator = entry.IndexOf('=', StringComparison.Ordinal);
        var key = separator > 0 ? entry[..separator].Trim() : "";
        return key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            ? (key, entry[(separator + 1)..].Trim())
            : (null, "");
    }
}
