using MySqlConnector;

namespace Slipway.Data.Servers;

/// <summary>
/// An administrative session on the shared server: creates and drops databases and users. Connection
/// failures become one sentence naming the server's address or the refused user.
/// </summary>
internal sealed class AdminConnection : IAsyncDisposable
{
    private readonly MySqlConnection _connection;

    private AdminConnection(MySqlConnection connection) => _connection = connection;

    public static async Task<AdminConnection> OpenAsync(DatabaseEndpoint endpoint, CancellationToken cancellationToken, string? database = null)
    {
        var builder = new MySqlConnectionStringBuilder
        {
            Server = endpoint.Host,
            Port = (uint)endpoint.Port,
            UserID = endpoint.User,
            Password = endpoint.Password,
            Database = database ?? "",
            ConnectionTimeout = 15,
            DefaultCommandTimeout = 0,
            Pooling = false,
            AllowUserVariables = true,
        };
        var connection = new MySqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return new AdminConnection(connection);
        }
        catch (MySqlException exception)
        {
            await connection.DisposeAsync();
            throw Explain(exception, endpoint, database);
        }
    }

    /// <summary>One sentence for a failure to connect: unreachable, refused user or missing database.</summary>
    public static DataException Explain(MySqlException exception, DatabaseEndpoint endpoint, string? database) =>
        exception.ErrorCode switch
        {
            MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied when database is not null =>
                new DataException($"The database server at {endpoint.Address} refused user '{endpoint.User}' for database '{database}': check the user, its password and its rights.", exception),
            MySqlErrorCode.AccessDenied or MySqlErrorCode.DatabaseAccessDenied =>
                new DataException($"The database server at {endpoint.Address} refused user '{endpoint.User}': check the user and its password.", exception),
            MySqlErrorCode.UnknownDatabase =>
                new DataException($"The database server at {endpoint.Address} has no database '{database}': check the database name.", exception),
            _ when exception.ErrorCode == MySqlErrorCode.UnableToConnectToHost || exception.Number == 0 =>
                new DataException($"The database server at {endpoint.Address} cannot be reached: start it or fix its host and port.", exception),
            _ => new DataException($"The database server at {endpoint.Address} failed: {exception.Message}", exception),
        };

    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = new MySqlCommand(sql, _connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The first column of every row of <paramref name="sql"/>, as text.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new MySqlCommand(sql, _connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return values;
    }

    public async Task<bool> DatabaseExistsAsync(string name, CancellationToken cancellationToken) =>
        (await ListAsync("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = @name", cancellationToken, ("@name", name))).Count > 0;

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    /// <summary>A name quoted for SQL as an identifier (database, table).</summary>
    public static string Identifier(string name) => "`" + name.Replace("`", "``") + "`";

    /// <summary>A string quoted for SQL as a literal (user names, passwords).</summary>
    public static string Literal(string value) => "'" + value.Replace("\\", "\\\\").Replace("'", "''") + "'";
}
