using Slipway.Data;
using Slipway.Pipeline.Running;

/// <summary>The app's public files: SyncFiles keeps them beside the dumps, playgrounds get a copy (docs/data.md).</summary>
partial class Targets
{
    [Parameter("The folder SyncFiles copies the app's public files from (e.g. the development server's sites/default/files, mounted or fetched there). A Slipway setting, never read from the repository.")]
    readonly AbsolutePath? FilesSource;

    Target SyncFiles => _ => _
        .Description("Copies the app's public files from --files-source into the store (the dump bucket under <app>/files/, or <work directory>/files): only what changed, and removes what the source no longer has.")
        .Requires(() => FilesSource != null, "give the folder to copy with --files-source")
        .Executes(async cancellationToken => ReportSummary(await SyncFilesForAsync(AppName, cancellationToken)));

    /// <summary>The nightly files sync the service queues: the same work as the SyncFiles target, for the app the schedule names.</summary>
    async Task<string> SyncFilesForAsync(string app, CancellationToken cancellationToken)
    {
        if (FilesSource is null)
        {
            throw new BuildFailedException("No files source is configured for the sync: give --files-source to Serve.");
        }

        var report = await DataStep(() => Data.Files.SyncAsync(app, FilesSource, cancellationToken));
        Log.Information($"Files of {app}: {report} ({Data.Files.Location}).");
        return report.ToString();
    }

    /// <summary>The store's files as the pipeline asks for them (a failure is one sentence).</summary>
    sealed class AppFilesInStore(DataComposition data) : IAppFiles
    {
        public Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken) =>
            DataStep(() => data.Files.LocalFolderAsync(app, cancellationToken));

        public bool HandsOutUrls => data.Files.HandsOutUrls;

        public async Task<FilesUrl?> SnapshotUrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken) =>
            await DataStep(() => data.Files.SnapshotUrlAsync(app, validFor, cancellationToken)) is { } snapshot ? new FilesUrl(snapshot.Url, snapshot.Bytes) : null;
    }
}
