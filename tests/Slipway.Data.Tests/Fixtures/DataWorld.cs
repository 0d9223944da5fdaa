using Slipway.Data.Branches;
using Slipway.Data.Dumps;
using Slipway.Data.Servers;
using Slipway.Data.State;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>One test's world: its own dump folder and state database on the shared test server.</summary>
public sealed class DataWorld : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"slipway-data-{Guid.NewGuid():N}");

    public DataWorld(DatabaseEndpoint admin)
    {
        Directory.CreateDirectory(_folder);
        Admin = admin;
        Store = new LocalDumpStore(Path.Combine(_folder, "dumps"));
        Records = new SqliteBranchDatabaseRecords(Path.Combine(_folder, "slipway.db"));
    }

    public DatabaseEndpoint Admin { get; }

    public LocalDumpStore Store { get; }

    public SqliteBranchDatabaseRecords Records { get; }

    public BranchDatabases Branches(Action<long>? progress = null, Action<int, string>? started = null) =>
        new(new ConfiguredDatabaseServer(Admin), Store, Records) { ImportProgress = progress, ImportStarted = started };

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
