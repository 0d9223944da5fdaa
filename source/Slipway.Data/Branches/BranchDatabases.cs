using System.Security.Cryptography;
using Slipway.Data.Dumps;
using Slipway.Data.Servers;
using Slipway.Data.State;
using Slipway.Engine;

namespace Slipway.Data.Branches;

/// <summary>
/// One database per branch on the shared server, <c>&lt;app&gt;_&lt;branch slug&gt;</c>, with a user of its
/// own that has rights on it only: created from the app's latest dump (empty when there is none, so the
/// site's installer or hooks can install it), kept across runs, dropped by Teardown. Every database made
/// is recorded, and only recorded ones are dropped.
/// </summary>
public sealed class BranchDatabases(IDatabaseServer server, IDumpStore dumps, IBranchDatabaseRecords records, TimeProvider? clock = null)
{
    /// <summary>Passed to the importer, for tests and progress output.</summary>
    internal Action<long>? ImportProgress { get; init; }

    /// <summary>Passed to the importer: the client's process id and the temporary database, once an import runs.</summary>
    internal Action<int, string>? ImportStarted { get; init; }

    /// <summary>
    /// The branch's database, created from the latest dump when it does not exist yet, with a fresh
    /// password for its user (so nothing secret is stored between runs).
    /// </summary>
    public async Task<BranchDatabase> EnsureAsync(string app, string branch, string branchSlug, CancellationToken cancellationToken)
    {
        var endpoint = await server.StartAsync(cancellationToken);
        await ImportLeftoverSweeper.SweepAsync(endpoint, cancellationToken);
        var name = DatabaseNames.Database(app, branchSlug);
        var record = await records.FindAsync(app, branch, cancellationToken);
        bool exists;
        await using (var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken))
        {
            exists = await admin.DatabaseExistsAsync(name, cancellationToken);
        }

        if (exists && record is not null)
        {
            Log.Information($"Branch database {name} exists; kept.");
            return await GrantAsync(endpoint, record, cancellationToken);
        }

        if (exists)
        {
            // Never replace a database Slipway has no record of: it may be someone's.
            throw new DataException($"The database server at {endpoint.Address} already has a database '{name}' that Slipway did not record: drop it, or run ResetDatabase --branch {branch} to replace it.");
        }

        return await CreateAsync(app, branch, name, DatabaseNames.User(app, branchSlug), endpoint, cancellationToken);
    }

    /// <summary>
    /// Replaces a database by the app's latest dump (the old design's reset job): the shared development
    /// database or a branch's. Fails, leaving the database as it was, when the app has no dump.
    /// </summary>
    /// <param name="branch">The branch whose database it is; null for the shared development database, which is not recorded (no Teardown drops it).</param>
    public async Task<BranchDatabase> ResetAsync(string app, string? branch, string database, string user, CancellationToken cancellationToken)
    {
        var endpoint = await server.StartAsync(cancellationToken);
        await ImportLeftoverSweeper.SweepAsync(endpoint, cancellationToken);
        if (await dumps.FindLatestAsync(app, cancellationToken) is null)
        {
            throw new DataException($"No dump of {app} in {dumps.Location}: run DumpDatabase first.");
        }

        return await CreateAsync(app, branch, database, user, endpoint, cancellationToken);
    }

    /// <summary>Drops the branch's recorded database and its user; false when none was recorded.</summary>
    public async Task<bool> DropAsync(string app, string branch, CancellationToken cancellationToken)
    {
        var record = await records.FindAsync(app, branch, cancellationToken);
        if (record is null)
        {
            return false;
        }

        var endpoint = await server.StartAsync(cancellationToken);
        await using (var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken))
        {
            await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {AdminConnection.Identifier(record.Database)}", cancellationToken);
            foreach (var host in UserHosts)
            {
                await admin.ExecuteAsync($"DROP USER IF EXISTS {Account(record.User, host)}", cancellationToken);
            }
        }

        await records.RemoveAsync(app, branch, cancellationToken);
        Log.Information($"Dropped branch database {record.Database} and its user.");
        return true;
    }

    /// <summary>Drops every recorded branch database of <paramref name="app"/> (of every app when null).</summary>
    /// <returns>How many were dropped.</returns>
    public async Task<int> DropAllAsync(string? app, CancellationToken cancellationToken)
    {
        var dropped = 0;
        foreach (var record in await records.ListAsync(app, cancellationToken))
        {
            dropped += await DropAsync(record.App, record.Branch, cancellationToken) ? 1 : 0;
        }

        return dropped;
    }

    // '%' for the app's tasks; 'localhost' too, because MariaDB's anonymous ''@'localhost' would win over '%' there.
    private static readonly string[] UserHosts = ["%", "localhost"];

    private async Task<BranchDatabase> CreateAsync(string app, string? branch, string name, string user, DatabaseEndpoint endpoint, CancellationToken cancellationToken)
    {
        var latest = await dumps.FindLatestAsync(app, cancellationToken);
        if (latest is null)
        {
            Log.Information($"No dump of {app} in {dumps.Location}: branch database {name} starts empty.");
            await using var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken);
            await admin.ExecuteAsync($"CREATE DATABASE IF NOT EXISTS {AdminConnection.Identifier(name)} CHARACTER SET utf8mb4", cancellationToken);
        }
        else
        {
            Log.Information($"Creating database {name} from {latest.Key}.");
            await using var dump = await dumps.OpenReadAsync(latest, cancellationToken);
            await new DumpImporter(endpoint) { Progress = ImportProgress, Started = ImportStarted }.ImportAsync(name, dump, cancellationToken);
        }

        var record = new BranchDatabaseRecord(app, branch ?? "", name, user, endpoint.Address, latest?.Key, (clock ?? TimeProvider.System).GetUtcNow());
        if (branch is not null)
        {
            await records.SaveAsync(record, CancellationToken.None);
        }

        return await GrantAsync(endpoint, record, cancellationToken);
    }

    private static async Task<BranchDatabase> GrantAsync(DatabaseEndpoint endpoint, BranchDatabaseRecord record, CancellationToken cancellationToken)
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
        await using var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken);
        foreach (var host in UserHosts)
        {
            var account = Account(record.User, host);
            await admin.ExecuteAsync($"CREATE USER IF NOT EXISTS {account} IDENTIFIED BY {AdminConnection.Literal(password)}", cancellationToken);
            await admin.ExecuteAsync($"ALTER USER {account} IDENTIFIED BY {AdminConnection.Literal(password)}", cancellationToken);
            await admin.ExecuteAsync($"GRANT ALL PRIVILEGES ON {AdminConnection.Identifier(record.Database)}.* TO {account}", cancellationToken);
        }

        var url = new DatabaseUrl(endpoint with { User = record.User, Password = password }, record.Database);
        return new BranchDatabase(url, record.SourceDump);
    }

    private static string Account(string user, string host) => $"{AdminConnection.Literal(user)}@{AdminConnection.Literal(host)}";
}
