using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace Slipway.Pipeline.State;

/// <summary>
/// The installation's own id: random, made the first time a state store is opened and kept in it, so every
/// resource one work directory creates can be told from another's on the same engine or AWS account.
/// </summary>
public static class InstallationIdentity
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS installation (one INTEGER PRIMARY KEY CHECK (one = 1), id TEXT NOT NULL);
        INSERT OR IGNORE INTO installation (one, id) VALUES (1, $id);
        SELECT id FROM installation;
        """;

    /// <summary>The id kept in the store at <paramref name="databasePath"/>, created there when it has none.</summary>
    public static string LoadOrCreate(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.Parameters.AddWithValue("$id", Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)));
        return (string)command.ExecuteScalar()!;
    }
}
