using System.Globalization;
using Microsoft.Data.Sqlite;
using Slipway.Status;

namespace Slipway.Pipeline.State;

/// <summary>The embedded run store: one SQLite file in WAL mode, safe for concurrent readers.</summary>
public sealed class SqliteRunStore : IRunStore
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS runs (
            id TEXT PRIMARY KEY, pipeline TEXT NOT NULL, app TEXT NOT NULL, branch TEXT NOT NULL,
            commit_sha TEXT, state TEXT NOT NULL, created_at TEXT NOT NULL, started_at TEXT,
            finished_at TEXT, summary TEXT);
        CREATE TABLE IF NOT EXISTS stages (
            run_id TEXT NOT NULL, name TEXT NOT NULL, state TEXT NOT NULL, started_at TEXT,
            finished_at TEXT, summary TEXT, PRIMARY KEY (run_id, name));
        CREATE TABLE IF NOT EXISTS playgrounds (
            app TEXT NOT NULL, branch TEXT NOT NULL, slug TEXT NOT NULL, url TEXT NOT NULL,
            resource_id TEXT NOT NULL, image TEXT NOT NULL, run_id TEXT NOT NULL, platform TEXT NOT NULL,
            started_at TEXT NOT NULL, keep INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (app, branch));
        """;

    private readonly SqliteDatabase _database;

    public SqliteRunStore(string databasePath)
    {
        _database = new SqliteDatabase(databasePath);
        _database.Execute(Schema);
        _database.AddColumnIfMissing("playgrounds", "host_secret", "TEXT");
    }

    public Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken) => _database.WriteAsync(
        """
        INSERT INTO runs (id, pipeline, app, branch, commit_sha, state, created_at, started_at, finished_at, summary)
        VALUES ($id, $pipeline, $app, $branch, $commit, $state, $created, $started, $finished, $summary)
        ON CONFLICT (id) DO UPDATE SET commit_sha = excluded.commit_sha, state = excluded.state,
            started_at = excluded.started_at, finished_at = excluded.finished_at, summary = excluded.summary
        """,
        ("$id", run.Id), ("$pipeline", run.Pipeline), ("$app", run.App), ("$branch", run.Branch),
        ("$commit", run.Commit), ("$state", run.State.ToString()), ("$created", Format(run.CreatedAt)),
        ("$started", Format(run.StartedAt)), ("$finished", Format(run.FinishedAt)), ("$summary", run.Summary));

    public async Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken)
    {
        var runs = await _database.QueryAsync("SELECT * FROM runs WHERE id = $id", ReadRun, cancellationToken, ("$id", id));
        return runs.FirstOrDefault();
    }

    public Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken) =>
        _database.QueryAsync("SELECT * FROM runs ORDER BY created_at DESC LIMIT $limit", ReadRun, cancellationToken, ("$limit", limit));

    public Task SaveStageAsync(StageRecord stage, CancellationToken cancellationToken) => _database.WriteAsync(
        """
        INSERT INTO stages (run_id, name, state, started_at, finished_at, summary)
        VALUES ($run, $name, $state, $started, $finished, $summary)
        ON CONFLICT (run_id, name) DO UPDATE SET state = excluded.state, started_at = excluded.started_at,
            finished_at = excluded.finished_at, summary = excluded.summary
        """,
        ("$run", stage.RunId), ("$name", stage.Name), ("$state", stage.State.ToString()),
        ("$started", Format(stage.StartedAt)), ("$finished", Format(stage.FinishedAt)), ("$summary", stage.Summary));

    public Task<IReadOnlyList<StageRecord>> ListStagesAsync(string runId, CancellationToken cancellationToken) =>
        _database.QueryAsync("SELECT * FROM stages WHERE run_id = $run ORDER BY rowid", ReadStage, cancellationToken, ("$run", runId));

    public Task SavePlaygroundAsync(PlaygroundRecord playground, CancellationToken cancellationToken) => _database.WriteAsync(
        """
        INSERT INTO playgrounds (app, branch, slug, url, resource_id, image, run_id, platform, started_at, keep, host_secret)
        VALUES ($app, $branch, $slug, $url, $resource, $image, $run, $platform, $started, $keep, $hostSecret)
        ON CONFLICT (app, branch) DO UPDATE SET slug = excluded.slug, url = excluded.url,
            resource_id = excluded.resource_id, image = excluded.image, run_id = excluded.run_id,
            platform = excluded.platform, started_at = excluded.started_at, keep = excluded.keep,
            host_secret = excluded.host_secret
        """,
        ("$app", playground.App), ("$branch", playground.Branch), ("$slug", playground.Slug), ("$url", playground.Url),
        ("$resource", playground.ResourceId), ("$image", playground.Image), ("$run", playground.RunId),
        ("$platform", playground.Platform), ("$started", Format(playground.StartedAt)), ("$keep", playground.Keep ? 1 : 0),
        ("$hostSecret", playground.HostSecret));

    public Task<IReadOnlyList<PlaygroundRecord>> ListPlaygroundsAsync(CancellationToken cancellationToken) =>
        _database.QueryAsync("SELECT * FROM playgrounds ORDER BY started_at", ReadPlayground, cancellationToken);

    public Task RemovePlaygroundAsync(string app, string branch, CancellationToken cancellationToken) => _database.WriteAsync(
        "DELETE FROM playgrounds WHERE app = $app AND branch = $branch", ("$app", app), ("$branch", branch));

    private static RunRecord ReadRun(SqliteDataReader r) => new(
        r.GetString(r.GetOrdinal("id")),
        r.GetString(r.GetOrdinal("pipeline")),
        r.GetString(r.GetOrdinal("app")),
        r.GetString(r.GetOrdinal("branch")),
        Text(r, "commit_sha"),
        Enum.Parse<RunState>(r.GetString(r.GetOrdinal("state"))),
        Parse(Text(r, "created_at"))!.Value,
        Parse(Text(r, "started_at")),
        Parse(Text(r, "finished_at")),
        Text(r, "summary"));

    /// <summary>Stores written before stages had a vocabulary of their own kept a waiting stage as "Queued".</summary>
    private static StageState StageStateOf(string text) => text == "Queued" ? StageState.Pending : Enum.Parse<StageState>(text);

    private static StageRecord ReadStage(SqliteDataReader r) => new(
        r.GetString(r.GetOrdinal("run_id")),
        r.GetString(r.GetOrdinal("name")),
        StageStateOf(r.GetString(r.GetOrdinal("state"))),
        Parse(Text(r, "started_at")),
        Parse(Text(r, "finished_at")),
        Text(r, "summary"));

    private static PlaygroundRecord ReadPlayground(SqliteDataReader r) => new(
        r.GetString(r.GetOrdinal("app")),
        r.GetString(r.GetOrdinal("branch")),
        r.GetString(r.GetOrdinal("slug")),
        r.GetString(r.GetOrdinal("url")),
        r.GetString(r.GetOrdinal("resource_id")),
        r.GetString(r.GetOrdinal("image")),
        r.GetString(r.GetOrdinal("run_id")),
        r.GetString(r.GetOrdinal("platform")),
        Parse(Text(r, "started_at"))!.Value,
        r.GetInt64(r.GetOrdinal("keep")) != 0,
        Text(r, "host_secret"));

    private static string? Text(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private static string? Format(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? value) =>
        value is null ? null : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
