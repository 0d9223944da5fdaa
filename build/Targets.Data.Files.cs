using Slipway.Data;
using Slipway.Data.Files;
using Slipway.Engine.Parameters;
using Slipway.Pipeline.Running;

/// <summary>The app's public files: SyncFiles keeps them beside the dumps, playgrounds get a copy (docs/data.md).</summary>
partial class Targets
{
    [Parameter("Where SyncFiles copies each app's public files from: app=folder or app=s3://bucket/prefix/ entries, or one bare folder or s3:// prefix for --app's app (e.g. the development server's sites/default/files, mounted or fetched there). A Slipway setting, never read from the repository.")]
    readonly string[] FilesSource = [];

    FilesSources? _filesSources;

    /// <summary>Each app's files source; a relative folder is taken from the root directory.</summary>
    FilesSources FilesSources => _filesSources ??= FilesSource.Length == 0 ? FilesSources.None : ReadFilesSources();

    Target SyncFiles => _ => _
        .Description("Copies the app's public files from its --files-source (a folder or an S3 prefix) into the store (the dump bucket under <app>/files/, or <work directory>/files): only what changed, and removes what the source no longer has.")
        .Requires(() => FilesSource.Length > 0, "give the folder or s3://bucket/prefix/ to copy from with --files-source")
        .Executes(async cancellationToken => ReportSummary(await SyncFilesForAsync(AppName, cancellationToken)));

    /// <summary>The nightly files sync the service queues: the same work as the SyncFiles target, for the app the schedule names, from its own source.</summary>
    async Task<string> SyncFilesForAsync(string app, CancellationToken cancellationToken)
    {
        var report = await DataStep(() => Data.FilesSync(FilesSources).SyncAsync(app, cancellationToken));
        Log.Information($"Files of {app} from {FilesSources.For(app)?.Location}: {report} ({Data.Files.Location}).");
        return report.ToString();
    }

    FilesSources ReadFilesSources()
    {
        var entries = KeyedEntries.Read(FilesSource, FilesSources.Flag, "app=folder or app=s3://bucket/prefix/", "shop=/mnt/dev-files/shop", bareKey: AppName);
        try
        {
            return FilesSources.From(entries, RootDirectory);
        }
        catch (DataException exception)
        {
            throw new BuildFailedException(exception.Message);
        }
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
