using Slipway.Data.Servers;

namespace Slipway.Data;

/// <summary>Where the data layer's parts are, resolved from the build's parameters.</summary>
/// <param name="WorkDirectory">The run work directory (.nuke/temp): the local dump store and the state database live there.</param>
/// <param name="Server">The shared database server (host, port, admin account), or null when none is configured.</param>
/// <param name="HostForTasks">The host name the app's tasks reach the server by, when it differs from <paramref name="Server"/>'s.</param>
/// <param name="DumpBucket">An S3 bucket for dumps; null keeps them in <c>&lt;work directory&gt;/dumps</c>.</param>
/// <param name="DumpPrefix">A key prefix inside the bucket, e.g. <c>slipway/</c>.</param>
/// <param name="DumpsKept">How many dumps of each app are kept (the newest).</param>
/// <param name="ExtraSanitizeStatements">SQL the app's configuration adds to every dump (run at import).</param>
/// <param name="LocalServer">The server used when <paramref name="Server"/> is null: Slipway's own, started on demand.</param>
public sealed record DataSettings(
    string WorkDirectory,
    DatabaseEndpoint? Server = null,
    string? HostForTasks = null,
    string? DumpBucket = null,
    string DumpPrefix = "",
    int DumpsKept = 7,
    IReadOnlyList<string>? ExtraSanitizeStatements = null,
    IDatabaseServer? LocalServer = null)
{
    /// <summary>The local dump folder, when no bucket is given.</summary>
    public string LocalDumpFolder => Path.Combine(WorkDirectory, "dumps");

    /// <summary>The local file store, when no bucket is given: <c>&lt;work directory&gt;/files/&lt;app&gt;</c>.</summary>
    public string LocalFilesFolder => Path.Combine(WorkDirectory, "files");

    /// <summary>Where local playgrounds get their copy of files kept in the bucket.</summary>
    public string FilesCacheFolder => Path.Combine(WorkDirectory, "files-cache");

    /// <summary>Where files sources in a bucket are copied before the sync: <c>&lt;work directory&gt;/files-sources/&lt;app&gt;</c>.</summary>
    public string FilesSourceCopyFolder => Path.Combine(WorkDirectory, "files-sources");

    /// <summary>The state database shared with the run store.</summary>
    public string StateDatabase => Path.Combine(WorkDirectory, "slipway.db");
}
