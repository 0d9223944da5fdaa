using Slipway.Data.Storage;

namespace Slipway.Data.Files;

/// <summary>
/// Each app's files source, read from <c>--files-source</c>: <c>app=folder</c> or <c>app=s3://bucket/prefix/</c>
/// entries (the entries are split by <see cref="Slipway.Engine.Parameters.KeyedEntries"/>, as every app=value flag
/// is). A source is a Slipway setting, never a path from a repository. Only an app with a source is synced: one app's
/// folder never feeds another's store.
/// </summary>
public sealed class FilesSources
{
    /// <summary>The flag, as messages name it.</summary>
    public const string Flag = "--files-source";

    private const string S3Scheme = "s3://";

    private readonly IReadOnlyDictionary<string, FilesSource> _byApp;

    private FilesSources(IReadOnlyDictionary<string, FilesSource> byApp) => _byApp = byApp;

    /// <summary>No app has a source.</summary>
    public static FilesSources None { get; } = new(new Dictionary<string, FilesSource>());

    /// <summary>App name → where its files come from, for the service's schedules.</summary>
    public IReadOnlyDictionary<string, string> Locations =>
        _byApp.ToDictionary(pair => pair.Key, pair => pair.Value.Location, StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether any app's source is a bucket (so an S3 client is needed).</summary>
    public bool AnyInS3 => _byApp.Values.Any(source => source is S3FilesSource);

    /// <summary>The app's source (app names are case-insensitive), or null when it has none.</summary>
    public FilesSource? For(string app) => _byApp.GetValueOrDefault(app);

    /// <summary>Reads app name → value entries; a relative folder is taken from <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="DataException">A value is neither an existing folder nor s3://bucket/prefix/: one sentence naming the flag.</exception>
    public static FilesSources From(IReadOnlyDictionary<string, string> entries, string baseDirectory) =>
        new(entries.ToDictionary(pair => pair.Key, pair => Read(pair.Key, pair.Value, baseDirectory), StringComparer.OrdinalIgnoreCase));

    private static FilesSource Read(string app, string value, string baseDirectory)
    {
        if (value.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return ReadS3(app, value);
        }

        // rsync://, ssh://, host:path and user@host:path are remote shells' and daemons' sources: see docs/data.md.
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (colon > 0 && (slash < 0 || colon < slash))
        {
            throw new DataException(
                $"{Flag} of {app}: '{value}' is neither a folder nor s3://bucket/prefix/; Slipway does not fetch rsync or ssh sources itself, so mount or fetch the files to a folder and give that folder (docs/data.md).");
        }

        var folder = Path.TrimEndingDirectorySeparator(Path.GetFullPath(value, baseDirectory));
        return Directory.Exists(folder)
            ? new FolderFilesSource(folder)
            : throw new DataException($"{Flag} of {app}: the folder {folder} does not exist; create or mount it, or fix the path.");
    }

    private static S3FilesSource ReadS3(string app, string value)
    {
        var rest = value[S3Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? "" : rest[(slash + 1)..];
        if (!BucketNames.IsValid(bucket)
            || prefix.StartsWith('/') || prefix.Contains("//", StringComparison.Ordinal))
        {
            throw new DataException(
                $"{Flag} of {app}: '{value}' is not s3://bucket/prefix/; write the bucket's name ({BucketNames.Rule}) and a prefix such as s3://dev-files/shop/.");
        }

        // A prefix names a folder: s3://b/shop means the objects under shop/, never shop-old/.
        return new S3FilesSource(bucket, prefix.Length == 0 || prefix.EndsWith('/') ? prefix : prefix + "/");
    }
}
