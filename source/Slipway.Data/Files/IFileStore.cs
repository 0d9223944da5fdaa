namespace Slipway.Data.Files;

/// <summary>
/// Where an app's public files (Drupal's <c>sites/default/files</c>) are kept between the nightly sync and the
/// playgrounds: a local folder under the work directory by default, or <c>&lt;prefix&gt;&lt;app&gt;/files/</c> in the
/// dump bucket. The store mirrors the source: new and changed files are copied, files gone from it are removed.
/// </summary>
public interface IFileStore
{
    /// <summary>Where the store is, for messages (a folder or s3://bucket/prefix).</summary>
    string Location { get; }

    /// <summary>Makes the app's stored files what <paramref name="sourceFolder"/> holds, copying only what changed.</summary>
    /// <exception cref="DataException">The source folder is missing, or the store refused.</exception>
    Task<FileSyncReport> SyncAsync(string app, string sourceFolder, CancellationToken cancellationToken);

    /// <summary>
    /// The app's stored files as a local folder a playground can be given (the store's own folder, or a copy kept
    /// up to date under the work directory), or null when none were ever synced.
    /// </summary>
    Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken);

    /// <summary>Whether a task elsewhere (a Fargate playground) can be handed the files as a URL: a bucket can, a local folder cannot.</summary>
    bool HandsOutUrls { get; }

    /// <summary>
    /// A URL that answers a GET with the app's files as one tar.gz, for <paramref name="validFor"/> (a presigned S3 URL:
    /// a credential, to be handed on as a secret) and the tarball's size, or null when the store hands out none or none were synced.
    /// </summary>
    Task<FilesSnapshotUrl?> SnapshotUrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken);
}

/// <summary>A URL of the app's files as one tar.gz (a credential), and how many bytes it answers with.</summary>
public sealed record FilesSnapshotUrl(Uri Url, long Bytes);

/// <summary>What one sync did.</summary>
public sealed record FileSyncReport(int Copied, int Removed, int Unchanged)
{
    public override string ToString() => $"{Copied} copied, {Removed} removed, {Unchanged} unchanged";
}
