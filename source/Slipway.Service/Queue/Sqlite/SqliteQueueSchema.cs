namespace Slipway.Service.Queue.Sqlite;

/// <summary>The queue's tables, next to the pipeline's runs, stages and playgrounds in the same database file.</summary>
internal static class SqliteQueueSchema
{
    public const string Create = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS service_runs (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            pipeline TEXT NOT NULL, app_name TEXT NOT NULL, app TEXT, branch TEXT NOT NULL, commit_sha TEXT,
            repository TEXT, pull_request INTEGER, pull_request_url TEXT, trigger TEXT NOT NULL, delivery_id TEXT UNIQUE,
            state TEXT NOT NULL, created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,
            attempts INTEGER NOT NULL DEFAULT 0, requeued INTEGER NOT NULL DEFAULT 0,
            pipeline_run_id TEXT, report_folder TEXT, exit_code INTEGER, summary TEXT, superseded_by TEXT, command TEXT,
            base_branch TEXT);
        CREATE INDEX IF NOT EXISTS service_runs_by_state ON service_runs (state, seq);
        CREATE INDEX IF NOT EXISTS service_runs_by_branch ON service_runs (app_name, branch, state);
        CREATE INDEX IF NOT EXISTS service_runs_by_pipeline_run ON service_runs (pipeline_run_id);
        CREATE TABLE IF NOT EXISTS service_run_log (
            run_seq INTEGER NOT NULL, line INTEGER NOT NULL, at TEXT NOT NULL, level TEXT NOT NULL, target TEXT,
            text TEXT NOT NULL, PRIMARY KEY (run_seq, line)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS service_run_events (
            run_seq INTEGER NOT NULL, at TEXT NOT NULL, kind TEXT NOT NULL, detail TEXT);
        CREATE INDEX IF NOT EXISTS service_run_events_by_run ON service_run_events (run_seq);
        """;

    /// <summary>Columns added after the table first shipped: added to a database made before them.</summary>
    public static readonly (string Column, string Definition)[] AddedColumns = [("command", "command TEXT"), ("base_branch", "base_branch TEXT")];
}
