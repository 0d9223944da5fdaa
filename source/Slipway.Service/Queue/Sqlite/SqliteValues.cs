using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Slipway.Service.Queue.Sqlite;

/// <summary>How the queue's values are written to and read from SQLite: times as round-trip UTC text, like the pipeline's store.</summary>
internal static class SqliteValues
{
    public static string Time(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static object TimeOrNull(DateTimeOffset? value) => value is null ? DBNull.Value : Time(value.Value);

    public static DateTimeOffset? ReadTime(SqliteDataReader reader, string column)
    {
        var text = ReadText(reader, column);
        return text is null ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
    }

    public static string? ReadText(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static long? ReadLong(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }

    /// <summary>A command with its parameters bound (null as SQL NULL).</summary>
    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>The run's row number from its id; null for an id that is no number.</summary>
    public static long? Sequence(string id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : null;
}
