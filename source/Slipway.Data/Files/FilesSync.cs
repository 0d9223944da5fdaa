namespace Slipway.Data.Files;

/// <summary>
/// SyncFiles for one app: its own source (<see cref="FilesSources"/>) mirrored into its own place in the store. A
/// bucket source is first brought into a local copy (<see cref="S3FilesMirror"/>), then synced like a folder.
/// </summary>
/// <param name="mirror">Fetches bucket sources; null when no source is in a bucket.</param>
public sealed class FilesSync(FilesSources sources, IFileStore store, S3FilesMirror? mirror)
{
    // The nightly sync and a manual one of the same app may run at once (the service runs two runs side by side): both
    // would write the app's copy (files-sources/<app>) and its place in the store, so one syncs an app at a time.
    private static readonly OneAtATime Syncing = new();

    /// <summary>Makes the store's copy of <paramref name="app"/>'s files what its source holds; waits while another sync of the app runs.</summary>
    /// <exception cref="DataException">The app has no source, or the source or the store failed: one sentence.</exception>
    public async Task<FileSyncReport> SyncAsync(string app, CancellationToken cancellationToken)
    {
        using var turn = await Syncing.HoldAsync(app, cancellationToken);
        var folder = sources.For(app) switch
        {
            FolderFilesSource source => source.Folder,
            S3FilesSource source when mirror is not null => (await mirror.FetchAsync(app, source, cancellationToken)).Folder,
            _ => throw new DataException(
                $"No files source is configured for {app}: give {FilesSources.Flag} {app}=<folder or s3://bucket/prefix/>."),
        };
        return await store.SyncAsync(app, folder, cancellationToken);
    }
}
