using System.Globalization;
using Microsoft.Data.Sqlite;
using Slipway.Status;
using static Slipway.Service.Queue.Sqlite.SqliteValues;

namespace Slipway.Service.Queue.Sqlite;

/// <summary>Reads queue rows into records.</summary>
internal static class QueuedRunRows
{
    public static QueuedRun ReadRun(SqliteDataReader r)
    {
        var sequence = r.GetInt64(r.GetOrdinal("seq"));
        var pullRequest = ReadLong(r, "pull_request");
        var request = new RunRequest(
            r.GetString(r.GetOrdinal("pipeline")),
            r.GetString(r.GetOrdinal("app_name")),
            ReadText(r, "app"),
            r.GetString(r.GetOrdinal("branch")),
            ReadText(r, "commit_sha"),
            ReadText(r, "repository"),
            pullRequest is null ? null : (int)pullRequest.Value,
            ReadText(r, "pull_request_url"),
            r.GetString(r.GetOrdinal("trigger")),
            ReadText(r, "delivery_id"),
            ReadText(r, "command") is { } command ? System.Text.Json.JsonSerializer.Deserialize<string[]>(command) : null)
        {
            BaseBranch = ReadText(r, "base_branch"),
        };
        var exitCode = ReadLong(r, "exit_code");
        return new QueuedRun(
            sequence.ToString(CultureInfo.InvariantCulture),
            sequence,
            request,
            Enum.Parse<RunState>(r.GetString(r.GetOrdinal("state"))),
            ReadTime(r, "created_at")!.Value,
            ReadTime(r, "started_at"),
            ReadTime(r, "finished_at"),
            (int)r.GetInt64(r.GetOrdinal("attempts")),
            r.GetInt64(r.GetOrdinal("requeued")) != 0,
            ReadText(r, "pipeline_run_id"),
            ReadText(r, "report_folder"),
            exitCode is null ? null : (int)exitCode.Value,
            ReadText(r, "summary"),
            ReadText(r, "superseded_by"));
    }

    public static RunLogLine ReadLogLine(SqliteDataReader r) => new(
        r.GetInt64(r.GetOrdinal("line")),
        ReadTime(r, "at")!.Value,
        r.GetString(r.GetOrdinal("level")),
        ReadText(r, "target"),
        r.GetString(r.GetOrdinal("text")));

    public static RunEvent ReadEvent(SqliteDataReader r) => new(
        r.GetInt64(r.GetOrdinal("run_seq")).ToString(CultureInfo.InvariantCulture),
        ReadTime(r, "at")!.Value,
        r.GetString(r.GetOrdinal("kind")),
        ReadText(r, "detail"));

    /// <summary>Reads every row of a command.</summary>
    public static List<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
