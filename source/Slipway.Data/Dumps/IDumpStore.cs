namespace Slipway.Data.Dumps;

/// <summary>
/// Where sanitized dumps are kept: a local folder under the work directory by default, or an S3 bucket.
/// Each app has its dumps and a <c>latest</c> pointer; only the newest few are kept.
/// </summary>
public interface IDumpStore
{
    /// <summary>Where the store is, for messages (a folder or s3://bucket/prefix).</summary>
    string Location { get; }

    /// <summary>
    /// Stores a new dump: <paramref name="write"/> writes its compressed bytes; only when it succeeds does
    /// the dump become visible and <c>latest</c>. Then all but the newest <paramref name="keep"/> go.
    /// </summary>
    Task<StoredDump> SaveAsync(StoredDump dump, Func<Stream, CancellationToken, Task> write, int keep, CancellationToken cancellationToken);

    /// <summary>The app's latest dump, or null when it has none.</summary>
    Task<StoredDump?> FindLatestAsync(string app, CancellationToken cancellationToken);

    /// <summary>The app's dumps, oldest first.</summary>
    Task<IReadOnlyList<StoredDump>> ListAsync(string app, CancellationToken cancellationToken);

    /// <summary>Opens a stored dump's compressed bytes for reading, streamed.</summary>
    Task<Stream> OpenReadAsync(StoredDump dump, CancellationToken cancellationToken);
}
