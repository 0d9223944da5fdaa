using Amazon.S3;
using Slipway.Data.Branches;
using Slipway.Data.Dumps;
using Slipway.Data.Files;
using Slipway.Data.Servers;
using Slipway.Data.State;

namespace Slipway.Data;

/// <summary>The one place the data layer is wired: dump store, file store, sanitizer rules, server and branch databases.</summary>
public sealed class DataComposition(DataSettings settings)
{
    private readonly Lazy<IDumpStore> _store = new(() => settings.DumpBucket is { Length: > 0 } bucket
        // AWSSDK.S3 reads credentials, region and AWS_ENDPOINT_URL(_S3) the SDK's usual way.
        ? new S3DumpStore(new AmazonS3Client(), bucket, settings.DumpPrefix)
        : new LocalDumpStore(settings.LocalDumpFolder));

    public IDumpStore Store => _store.Value;

    private readonly Lazy<IFileStore> _files = new(() => settings.DumpBucket is { Length: > 0 } bucket
        ? new S3FileStore(new AmazonS3Client(), bucket, settings.DumpPrefix, settings.FilesCacheFolder)
        : new LocalFileStore(settings.LocalFilesFolder));

    /// <summary>The apps' public files: beside the dumps (their bucket, or the work directory).</summary>
    public IFileStore Files => _files.Value;

    // One client for every bucket source, made the first time one is needed: the service keeps its composition and syncs
    // each app's files nightly, so a client per sync would never be released.
    private readonly Lazy<AmazonS3Client> _sourcesClient = new(() => new AmazonS3Client());

    /// <summary>SyncFiles from each app's own source into <see cref="Files"/>; bucket sources are fetched into the work directory first.</summary>
    public FilesSync FilesSync(FilesSources sources) => new(
        sources, Files, sources.AnyInS3 ? new S3FilesMirror(_sourcesClient.Value, settings.FilesSourceCopyFolder) : null);

    private readonly Lazy<IDatabaseServer> _server = new(() =>
        settings.Server is { } configured ? new ConfiguredDatabaseServer(configured, settings.HostForTasks)
        : settings.LocalServer ?? throw new DataException("No database server is configured: give --database-host and --database-admin-password (see docs/data.md)."));

    public SanitizeRules Rules => SanitizeRules.Drupal.WithExtraStatements(settings.ExtraSanitizeStatements ?? []);

    /// <summary>Whether a shared server is configured or Slipway keeps one, so branches can get databases of their own.</summary>
    public bool HasServer => settings.Server is not null || settings.LocalServer is not null;

    /// <summary>The configured server, else Slipway's own.</summary>
    /// <exception cref="DataException">Neither is there.</exception>
    public IDatabaseServer Server => _server.Value;

    public DatabaseDumper Dumper => new(Store, Rules);

    /// <exception cref="DataException">No server is configured.</exception>
    public BranchDatabases BranchDatabases => new(
        Server,
        Store,
        new SqliteBranchDatabaseRecords(settings.StateDatabase));

    /// <summary>Accounts of their own for commands run against a branch's database (Run, Cron), on the configured server or Slipway's own.</summary>
    /// <exception cref="DataException">No server is configured.</exception>
    public CommandAccounts CommandAccounts => new(Server, new SqliteBranchDatabaseRecords(settings.StateDatabase));

    /// <summary>The host the app's tasks use for the server.</summary>
    public string? HostForTasks => Server.HostForTasks;

    /// <summary>The port the app's tasks use for the server.</summary>
    public int? PortForTasks => Server.PortForTasks;
}
