using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Slipway.Data.State;

/// <summary>Branch database records in the run store's SQLite file (its own table).</summary>
public sealed class SqliteBranchDatabaseRecords : IBranchDatabaseRecords
{
    private readonly string _connectionString;

    public SqliteBranchDatabaseRecords(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Run(connection, """
            CREATE TABLE IF NOT EXISTS branch_databases (
                app TEXT NOT NULL, branch TEXT NOT NULL, database_name TEXT NOT NULL, user_name TEXT NOT NULL,
                server TEXT NOT NULL, source_dump TEXT, created_at TEXT NOT NULL, PRIMARY KEY (app, branch))
            """);
    }

    public Task SaveAsync(BranchDatabaseRecord record, CancellationToken cancellationToken)
    {
        using var connection = Open();
        Run(connection, """
            INSERT INTO branch_databases (app, branch, database_name, user_name, server, source_dump, created_at)
            VALUES ($app, $branch, $database, $user, $server, $dump, $created)
            ON CONFLICT (app, branch) DO UPDATE SET database_name = excluded.database_name, user_name = excluded.user_name,
                server = excluded.server, source_dump = excluded.source_dump, created_at = excluded.created_at
            """,
            ("$app", record.App), ("$branch", record.Branch), ("$database", record.Database), ("$user", record.User),
            ("$server", record.Server), ("$dump", record.SourceDump), ("$created", record.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    public async Task<BranchDatabaseRecord?> FindAsync(string app, string branch, CancellationToken cancellationToken) =>
        (await ListAsync(app, cancellationToken)).FirstOrDefault(record => record.Branch == branch);

    public Task<IReadOnlyList<BranchDatabaseRecord>> ListAsync(string? app, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT app, branch, database_name, user_name, server, source_dump, created_at FROM branch_databases"
            + (app is null ? "" : " WHERE app = $app") + " ORDER BY app, branch";
        command.Parameters.AddWithValue("$app", (object?)app ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var records = new List<BranchDatabaseRecord>();
        while (reader.Read())
        {
            records.Add(new BranchDatabaseRecord(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                DateTimeOffset.Parse(reader.GetString(6), CultureInfo.InvariantCulture)));
        }

        return Task.FromResult<IReadOnlyList<BranchDatabaseRecord>>(records);
    }

    public Task RemoveAsync(string app, string branch, CancellationToken cancellationToken)
    {
        using var connection = Open();
        Run(connection, "DELETE FROM branch_databases WHERE app = $app AND branch = $branch", ("$app", app), ("$branch", branch));
        return Task.CompletedTask;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Run(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }
}
