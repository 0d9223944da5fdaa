using Microsoft.Data.Sqlite;
using Slipway.Status;
using static Slipway.Service.Queue.Sqlite.QueuedRunRows;
using static Slipway.Service.Queue.Sqlite.SqliteValues;

namespace Slipway.Service.Queue.Sqlite;

/// <summary>The queue's changes of state, each run inside the writer's transaction together with the history entries it makes.</summary>
internal sealed class QueueWrites(SqliteConnection connection, SqliteTransaction transaction, DateTimeOffset now)
{
    public EnqueueResult Enqueue(RunRequest request)
    {
        if (request.DeliveryId is not null &&
            Find("SELECT * FROM service_runs WHERE delivery_id = $delivery", ("$delivery", request.DeliveryId)) is { } earlier)
        {
            return new EnqueueResult(earlier, Duplicate: true, [], []);
        }

        if (request is { OnlyWhenCommitChanged: true, Repository: not null, PullRequest: not null } &&
            Find(
                """
                SELECT * FROM service_runs WHERE app_name = $appName AND repository = $repository AND pull_request = $pullRequest
                    AND pipeline = 'PullRequest' ORDER BY seq DESC LIMIT 1
                """,
                ("$appName", request.AppName), ("$repository", request.Repository), ("$pullRequest", request.PullRequest)) is { } last &&
            string.Equals(last.Request.Commit, request.Commit, StringComparison.OrdinalIgnoreCase) &&
            last.Request.Branch == request.Branch)
        {
            return new EnqueueResult(last, Duplicate: false, [], [], Unchanged: true);
        }

        var stored = Find(
            """
            INSERT INTO service_runs (pipeline, app_name, app, branch, commit_sha, repository, pull_request, pull_request_url,
                trigger, delivery_id, state, created_at, command, base_branch)
            VALUES ($pipeline, $appName, $app, $branch, $commit, $repository, $pullRequest, $pullRequestUrl,
                $trigger, $delivery, 'Queued', $now, $command, $baseBranch)
            RETURNING *
            """,
            ("$pipeline", request.Pipeline), ("$appName", request.AppName), ("$app", request.App), ("$branch", request.Branch),
            ("$commit", request.Commit), ("$repository", request.Repository), ("$pullRequest", request.PullRequest),
            ("$pullRequestUrl", request.PullRequestUrl), ("$trigger", request.Trigger), ("$delivery", request.DeliveryId),
            ("$now", Time(now)), ("$command", request.Command is null ? null : System.Text.Json.JsonSerializer.Serialize(request.Command)),
            ("$baseBranch", request.BaseBranch))!;
        var sequence = stored.Sequence;
        var id = SqliteRunQueueStore.IdOf(sequence);
        AddEvent(sequence, RunEventKinds.Queued, $"{request.Pipeline} by {request.Trigger}");

        var supersededQueued = new List<string>();
        var supersededRunning = new List<string>();
        if (request.SupersedesPullRequests)
        {
            using var older = Command(connection, transaction,
                """
                SELECT * FROM service_runs WHERE app_name = $appName AND branch = $branch AND pipeline = 'PullRequest'
                    AND state IN ('Queued', 'Running') AND superseded_by IS NULL AND seq <> $seq
                """,
                ("$appName", request.AppName), ("$branch", request.Branch), ("$seq", sequence));
            foreach (var run in ReadAll(older, ReadRun))
            {
                if (run.State == RunState.Queued)
                {
                    Update("UPDATE service_runs SET state = 'Superseded', superseded_by = $by, finished_at = $now, summary = $summary WHERE seq = $seq",
                        ("$by", id), ("$now", Time(now)), ("$summary", $"superseded by run {id}"), ("$seq", run.Sequence));
                    AddEvent(run.Sequence, RunEventKinds.Finished, $"{RunState.Superseded} by run {id}");
                    supersededQueued.Add(run.Id);
                }
                else
                {
                    // It stays running until its tasks are stopped; it finishes as superseded then.
                    Update("UPDATE service_runs SET superseded_by = $by WHERE seq = $seq", ("$by", id), ("$seq", run.Sequence));
                    supersededRunning.Add(run.Id);
                }
            }
        }

        return new EnqueueResult(stored, Duplicate: false, supersededQueued, supersededRunning);
    }

    public QueuedRun? ClaimNext()
    {
        var claimed = Find(
            """
            UPDATE service_runs SET state = 'Running', started_at = $now, finished_at = NULL, attempts = attempts + 1
            WHERE seq = (
                SELECT q.seq FROM service_runs q WHERE q.state = 'Queued' AND NOT EXISTS (
                    SELECT 1 FROM service_runs r WHERE r.state = 'Running' AND r.app_name = q.app_name AND r.branch = q.branch)
                ORDER BY q.seq LIMIT 1)
            RETURNING *
            """,
            ("$now", Time(now)));
        if (claimed is not null)
        {
            AddEvent(claimed.Sequence, RunEventKinds.Claimed, $"attempt {claimed.Attempts}");
        }

        return claimed;
    }

    public bool Finish(string id, int attempt, RunState state, int? exitCode, string? summary)
    {
        var run = FindRunning(id);
        if (run is null || run.Attempts != attempt)
        {
            return false;
        }

        var final = run.SupersededBy is not null && state != RunState.Succeeded ? RunState.Superseded : state;
        var text = final == RunState.Superseded ? $"superseded by run {run.SupersededBy}" : summary;
        Update("UPDATE service_runs SET state = $state, finished_at = $now, exit_code = $exit, summary = $summary WHERE seq = $seq",
            ("$state", final.ToString()), ("$now", Time(now)), ("$exit", exitCode), ("$summary", text), ("$seq", run.Sequence));
        AddEvent(run.Sequence, RunEventKinds.Finished, final.ToString());
        return true;
    }

    public RunState Interrupt(string id, string reason)
    {
        var run = FindRunning(id);
        if (run is null)
        {
            return Find("SELECT * FROM service_runs WHERE seq = $seq", ("$seq", Sequence(id)))?.State
                ?? throw new InvalidOperationException($"Run {id} does not exist.");
        }

        AddEvent(run.Sequence, RunEventKinds.Interrupted, reason);
        if (run.SupersededBy is not null)
        {
            return FinishAs(run, RunState.Superseded, $"superseded by run {run.SupersededBy}");
        }

        if (run.Requeued)
        {
            return FinishAs(run, RunState.Interrupted, $"interrupted twice ({reason}); not queued again");
        }

        Update("UPDATE service_runs SET state = 'Queued', requeued = 1, started_at = NULL, pipeline_run_id = NULL, summary = $summary WHERE seq = $seq",
            ("$summary", $"queued again after an interruption ({reason})"), ("$seq", run.Sequence));
        AddEvent(run.Sequence, RunEventKinds.Requeued, null);
        return RunState.Queued;
    }

    public bool CancelQueued(string id)
    {
        var run = Find("SELECT * FROM service_runs WHERE seq = $seq AND state = 'Queued'", ("$seq", Sequence(id)));
        if (run is null)
        {
            return false;
        }

        FinishAs(run, RunState.Cancelled, "cancelled before it started");
        return true;
    }

    public int AppendLog(string id, IReadOnlyList<(DateTimeOffset At, string Level, string? Target, string Text)> lines)
    {
        var sequence = Sequence(id) ?? throw new ArgumentException($"'{id}' is not a run id.", nameof(id));
        long last;
        using (var max = Command(connection, transaction, "SELECT COALESCE(MAX(line), 0) FROM service_run_log WHERE run_seq = $seq", ("$seq", sequence)))
        {
            last = (long)max.ExecuteScalar()!;
        }

        using var insert = Command(connection, transaction,
            "INSERT INTO service_run_log (run_seq, line, at, level, target, text) VALUES ($seq, $line, $at, $level, $target, $text)",
            ("$seq", sequence), ("$line", 0L), ("$at", ""), ("$level", ""), ("$target", null), ("$text", ""));
        foreach (var (at, level, target, text) in lines)
        {
            insert.Parameters["$line"].Value = ++last;
            insert.Parameters["$at"].Value = Time(at);
            insert.Parameters["$level"].Value = level;
            insert.Parameters["$target"].Value = (object?)target ?? DBNull.Value;
            insert.Parameters["$text"].Value = text;
            insert.ExecuteNonQuery();
        }

        return lines.Count;
    }

    private RunState FinishAs(QueuedRun run, RunState state, string summary)
    {
        Update("UPDATE service_runs SET state = $state, finished_at = $now, summary = $summary WHERE seq = $seq",
            ("$state", state.ToString()), ("$now", Time(now)), ("$summary", summary), ("$seq", run.Sequence));
        AddEvent(run.Sequence, RunEventKinds.Finished, state.ToString());
        return state;
    }

    private QueuedRun? FindRunning(string id) =>
        Find("SELECT * FROM service_runs WHERE seq = $seq AND state = 'Running'", ("$seq", Sequence(id)));

    private QueuedRun? Find(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return ReadAll(command, ReadRun).FirstOrDefault();
    }

    private void Update(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private void AddEvent(long sequence, string kind, string? detail) =>
        Update("INSERT INTO service_run_events (run_seq, at, kind, detail) VALUES ($seq, $now, $kind, $detail)",
            ("$seq", sequence), ("$now", Time(now)), ("$kind", kind), ("$detail", detail));
}
