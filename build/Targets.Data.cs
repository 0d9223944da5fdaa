using Slipway.Data;
using Slipway.Data.Branches;
using Slipway.Data.Servers;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Running;

/// <summary>Databases for the app: the nightly sanitized dump, the reset job, a database per branch (docs/data.md).</summary>
partial class Targets
{
    [Parameter("The database DumpDatabase reads (production or develop): mysql://user:password@host:port/name. Give it in the environment (SOURCE_DATABASE_URL) or with --source-database-url-file."), Secret]
    readonly string? SourceDatabaseUrl;

    [Parameter("A file that holds the source database URL, e.g. a mounted secret (read instead of --source-database-url).")]
    readonly AbsolutePath? SourceDatabaseUrlFile;

    [Parameter("An S3 bucket that keeps the dumps. Default: none, dumps stay in <work directory>/dumps.")]
    readonly string? DumpBucket;

    [Parameter("A key prefix for the dumps in --dump-bucket, e.g. slipway/.")]
    readonly string DumpPrefix = "";

    [Parameter("How many dumps of each app are kept (the newest).")]
    readonly int DumpsKept = 7;

    [Parameter("The shared database server branch databases live on (e.g. an RDS endpoint). Default: none, so branches get no database of their own.")]
    readonly string? DatabaseHost;

    [Parameter("The shared database server's port.")]
    readonly int DatabasePort = Slipway.Data.Servers.DatabaseUrl.DefaultPort;

    [Parameter("The shared database server's administrative user (creates databases and users).")]
    readonly string DatabaseAdminUser = "root";

    [Parameter("The administrative user's password (environment: DATABASE_ADMIN_PASSWORD)."), Secret]
    readonly string? DatabaseAdminPassword;

    [Parameter("The host name the app's tasks reach the database server by, when it differs from --database-host.")]
    readonly string? DatabaseHostForTasks;

    [Parameter("The shared development database ResetDatabase replaces without --branch. Default: <app>_develop.")]
    readonly string? DevelopmentDatabase;

    DataComposition? _data;

    DataComposition Data => _data ??= new DataComposition(new DataSettings(
        WorkFolder,
        DatabaseHost is { Length: > 0 } host ? new DatabaseEndpoint(host, DatabasePort, DatabaseAdminUser, DatabaseAdminPassword ?? "") : null,
        DatabaseHostForTasks,
        DumpBucket,
        DumpPrefix,
        DumpsKept,
        LocalServer: DatabaseHost is null ? LocalDatabaseServer() : null));

    /// <summary>The branch databases of the runs, when a database server is configured or --database-per-branch asks for Slipway's own.</summary>
    IBranchDatabases? BranchDatabases => HasBranchDatabases ? new BranchDatabasesOnServer(Data) : null;

    Target DumpDatabase => _ => _
        .Description("Dumps the source database (mysqldump --single-transaction --quick), sanitizes it and stores it as the app's latest dump.")
        .Requires(() => SourceDatabaseUrl != null || SourceDatabaseUrlFile != null,
            "give the source database URL in SOURCE_DATABASE_URL, or its file with --source-database-url-file")
        .Executes(async cancellationToken =>
        {
            var url = SourceDatabaseUrlFile is null ? SourceDatabaseUrl! : (await File.ReadAllTextAsync(SourceDatabaseUrlFile, cancellationToken)).Trim();
            var stored = await DataStep(() => Data.Dumper.DumpAsync(AppName, Slipway.Data.Servers.DatabaseUrl.Parse(url, "The source database URL"), DumpsKept, cancellationToken));
            ReportSummary($"{Data.Store.Location}/{stored.Key}");
        });

    Target ResetDatabase => _ => _
        .Description("Replaces the shared development database (or --branch's database) by the app's latest dump.")
        .Executes(async cancellationToken =>
        {
            var app = AppName;
            // The development database is not a branch's: it is not recorded, so no Teardown drops it.
            var slug = Branch is null ? "develop" : BranchSlug.From(Branch);
            var database = Branch is null ? DevelopmentDatabase ?? DatabaseNames.Database(app, slug) : DatabaseNames.Database(app, slug);
            var reset = await DataStep(() => Data.BranchDatabases.ResetAsync(app, Branch, database, DatabaseNames.User(app, slug), cancellationToken));
            ReportSummary($"{reset} from {reset.SourceDump}");
        });

    /// <summary>Before the build's hooks run: the branch's own database, handed to hooks, tests and the playground.</summary>
    Target BranchDatabase => _ => _
        .Unlisted()
        .DependentFor(Build)
        .OnlyWhenStatic(() => HasBranchDatabases)
        .Requires(() => Branch)
        .Executes(async cancellationToken =>
        {
            _database = await Runner.PrepareDatabaseAsync(Session, cancellationToken);
            ReportSummary(DatabaseNames.Database(Session.Run.AppName, Session.Run.Identity.BranchPart));
        });

    /// <summary>The branch databases on the configured server, as the pipeline asks for them (a failure is one sentence).</summary>
    sealed class BranchDatabasesOnServer(DataComposition data) : IBranchDatabases
    {
        public async Task<BranchDatabaseAccess> EnsureAsync(RunIdentity identity, CancellationToken cancellationToken)
        {
            var database = await DataStep(() => data.BranchDatabases.EnsureAsync(identity.App, identity.Key, identity.BranchPart, cancellationToken));
            Log.Information($"Branch database: {database}.");
            return new BranchDatabaseAccess(database.Settings(data.HostForTasks, data.PortForTasks), database.Secrets(data.HostForTasks, data.PortForTasks));
        }

        public async Task<int> DropAsync(string app, string? branchKey, CancellationToken cancellationToken)
        {
            var dropped = branchKey is null
                ? await DataStep(() => data.BranchDatabases.DropAllAsync(null, cancellationToken))
                : await DataStep(async () => await data.BranchDatabases.DropAsync(app, branchKey, cancellationToken) ? 1 : 0);
            Log.Information($"Dropped {dropped} branch database(s).");
            return dropped;
        }
    }

    /// <summary>Data failures are one sentence for the user, not a stack trace.</summary>
    static async Task<T> DataStep<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (DataException exception)
        {
            throw new BuildFailedException(exception.Message);
        }
    }
}
