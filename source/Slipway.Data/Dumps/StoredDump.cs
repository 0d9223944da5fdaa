using System.Globalization;

namespace Slipway.Data.Dumps;

/// <summary>A sanitized, compressed dump in a store: <c>&lt;app&gt;/&lt;UTC date-time&gt;.sql.gz</c>.</summary>
/// <param name="App">The app it belongs to.</param>
/// <param name="Name">The file name, e.g. <c>20261205T170000Z.sql.gz</c>.</param>
public sealed record StoredDump(string App, string Name)
{
    private const string TimeFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The store-relative key, <c>app/name</c>.</summary>
    public string Key => $"{App}/{Name}";

    /// <summary>The dump of <paramref name="app"/> taken at <paramref name="takenAt"/>.</summary>
    public static StoredDump At(string app, DateTimeOffset takenAt) =>
        new(app, takenAt.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture) + ".sql.gz");

    /// <summary>Whether <paramref name="name"/> is a dump's file name (and not the latest pointer or a partial upload).</summary>
    public static bool IsDumpName(string name) =>
        name.EndsWith(".sql.gz", StringComparison.Ordinal)
        && DateTime.TryParseExact(name[..^".sql.gz".Length], TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    public override string ToString() => Key;
}
