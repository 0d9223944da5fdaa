using Microsoft.Data.Sqlite;

namespace Slipway.Pipeline.State;

/// <summary>Opens connections to one SQLite file and runs commands on them, for the stores that share it.</summary>
internal sealed class SqliteDatabase
{
    private readonly string _connectionString;

    public SqliteDatabase(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    public void Execute(string sql)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>
    /// Adds a column that stores made by an earlier Slipway lack (SQLite has no ADD COLUMN IF NOT EXISTS); another
    /// process opening the same store may add it first.
    /// </summary>
    public void AddColumnIfMissing(string table, string column, string type)
    {
        using var connection = Open();
        using var check = connection.CreateCommand();
        check.CommandText = "SELECT COUNT(*) FROM pragma_table_info($table) WHERE name = $column";
        check.Parameters.AddWithValue("$table", table);
        check.Parameters.AddWithValue("$column", column);
        if (Convert.ToInt64(check.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0)
        {
            return;
        }

        try
        {
            using var add = connection.CreateCommand();
            // Names from this code, never from input: SQLite takes no parameters in DDL.
            add.CommandText = $"ALTER TABLE {table} ADD COLUMN {column} {type}";
            add.ExecuteNonQuery();
        }
        catch (SqliteException exception) when (exception.Message.Contains("duplicate column", StringComparison.Ordinal))
        {
            // Added by another process in the meantime.
        }
    }

    public async Task WriteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Prepare(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    public async Task InTransactionAsync(Func<SqliteConnection, SqliteTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = Open();
        await using var command = Prepare(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static SqliteCommand Prepare(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
