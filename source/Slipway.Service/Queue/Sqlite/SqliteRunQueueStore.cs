using System.Globalization;
using Microsoft.Data.Sqlite;
using Slipway.Status;
using static Slipway.Service.Queue.Sqlite.QueuedRunRows;
using static Slipway.Service.Queue.Sqlite.SqliteValues;

namespace Slipway.Service.Queue.Sqlite;

/// <summary>
/// The embedded run queue: tables in the pipeline's SQLite database (WAL). Writes go through one connection
/// in batched transactions (<see cref="SqliteWriteBatcher"/>); reads use pooled connections alongside.
/// </summary>
public sealed class SqliteRunQueueStore : IRunQueueStore, IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly SqliteWriteBatcher _writer;

    /// <summary>Opens (and creates, when missing) the queue's tables in the database file and starts its writer.</summary>
    public SqliteRunQueueStore(string databasePath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(databasePath))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, Pooling = true, DefaultTimeout = 30 }.ToString();
        using (var connection = new SqliteConnection(_connectionString))
        {
            connection.Open();
            using var create = Command(connection, null, SqliteQueueSchema.Create);
            create.ExecuteNonQuery();
            AddMissingColumns(connection);
        }

        _writer = new SqliteWriteBatcher(_connectionString);
    }

    private static void AddMissingColumns(SqliteConnection connection)
    {
        using var columns = Command(connection, null, "SELECT name FROM pragma_table_info('service_runs')");
        var present = ReadAll(columns, reader => reader.GetString(0)).ToHashSet(StringComparer.Ordinal);
        foreach (var (column, definition) in SqliteQueueSchema.AddedColumns.Where(added => !present.Contains(added.Column)))
        {
            using var add = Command(connection, null, $"ALTER TABLE service_runs ADD COLUMN {definition}");
            add.ExecuteNonQuery();
        }
    }

    /// <inheritdoc />
    public Task<EnqueueResult> EnqueueAsync(RunRequest request, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync((connection, transaction) => new QueueWrites(connection, transaction, now).Enqueue(request));

    /// <inheritdoc />
    public Task<QueuedRun?> ClaimNextAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync((connection, transaction) => new QueueWrites(connection, transaction, now).ClaimNext());

    /// <inheritdoc />
    public Task SetPipelineRunAsync(string id, string pipelineRunId, string? reportFolder, CancellationToken cancellationToken) =>
        _writer.WriteAsync((connection, transaction) =>
        {
            using var update = Command(connection, transaction,
                "UPDATE service_runs SET pipeline_run_id = $pipeline, report_folder = $report WHERE seq = $seq",
                ("$pipeline", pipelineRunId), ("$report", reportFolder), ("$seq", Sequence(id)));
            return update.ExecuteNonQuery();
        });

    /// <inheritdoc />
    public Task<bool> FinishAsync(string id, int attempt, RunState state, int? exitCode, string? summary, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync((connection, transaction) => new QueueWrites(connection, transaction, now).Finish(id, attempt, state, exitCode, summary));

    /// <inheritdoc />
    public Task<RunState> InterruptAsync(string id, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync((connection, transaction) => new QueueWrites(connection, transaction, now).Interrupt(id, reason));

    /// <inheritdoc />
    public Task<bool> CancelQueuedAsync(string id, DateTimeOffset now, CancellationToken cancellationToken) =>
        _writer.WriteAsync((connection, transaction) => new QueueWrites(connection, transaction, now).CancelQueued(id));

    /// <inheritdoc />
    public Task AppendLogAsync(string id, IReadOnlyList<(DateTimeOffset At, string Level, string? Target, string Text)> lines, CancellationToken cancellationToken) =>
        lines.Count == 0
            ? Task.CompletedTask
            : _writer.WriteAsync((connection, transaction) => new QueueWrites(connection, transaction, DateTimeOffset.UtcNow).AppendLog(id, lines));

    /// <inheritdoc />
    public async Task<QueuedRun?> FindAsync(string id, CancellationToken cancellationToken) =>
        Sequence(id) is { } sequence
            ? (await QueryAsync("SELECT * FROM service_runs WHERE seq = $seq", ReadRun, cancellationToken, ("$seq", sequence))).FirstOrDefault()
            : null;

    /// <inheritdoc />
    public async Task<QueuedRun?> FindByPipelineRunAsync(string pipelineRunId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT * FROM service_runs WHERE pipeline_run_id = $pipeline ORDER BY seq DESC LIMIT 1",
            ReadRun, cancellationToken, ("$pipeline", pipelineRunId))).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<QueuedRun>> ListAsync(int limit, CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM service_runs ORDER BY seq DESC LIMIT $limit", ReadRun, cancellationToken, ("$limit", limit));

    /// <inheritdoc />
    public Task<IReadOnlyList<QueuedRun>> ListRunningAsync(CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM service_runs WHERE state = 'Running' ORDER BY seq", ReadRun, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<RunState, long>> CountByStateAsync(CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(
            "SELECT state, COUNT(*) AS runs FROM service_runs GROUP BY state",
            reader => (State: Enum.Parse<RunState>(reader.GetString(0)), Count: reader.GetInt64(1)),
            cancellationToken);
        var counts = Enum.GetValues<RunState>().ToDictionary(state => state, _ => 0L);
        foreach (var (state, count) in rows)
        {
            counts[state] = count;
        }

        return counts;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunLogLine>> ReadLogAsync(string id, long afterSequence, int limit, bool tail, CancellationToken cancellationToken)
    {
        var sql = tail
            ? "SELECT * FROM (SELECT * FROM service_run_log WHERE run_seq = $seq AND line > $after ORDER BY line DESC LIMIT $limit) ORDER BY line"
            : "SELECT * FROM service_run_log WHERE run_seq = $seq AND line > $after ORDER BY line LIMIT $limit";
        return QueryAsync(sql, ReadLogLine, cancellationToken, ("$seq", Sequence(id) ?? -1), ("$after", afterSequence), ("$limit", limit));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RunEvent>> ListEventsAsync(string id, CancellationToken cancellationToken) =>
        QueryAsync("SELECT * FROM service_run_events WHERE run_seq = $seq ORDER BY rowid", ReadEvent, cancellationToken, ("$seq", Sequence(id) ?? -1));

    /// <summary>Commits what is pending and closes the writer.</summary>
    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql,
        Func<SqliteDataReader, T> read,
        CancellationToken cancellationToken,
        params (string Name, object? Value)[] parameters)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    internal static string IdOf(long sequence) => sequence.ToString(CultureInfo.InvariantCulture);
}
