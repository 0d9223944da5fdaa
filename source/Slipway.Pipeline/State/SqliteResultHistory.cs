using System.Globalization;
using Microsoft.Data.Sqlite;
using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Results.History;

namespace Slipway.Pipeline.State;

/// <summary>
/// <see cref="IResultHistory"/> in the same SQLite file as the run store, in tables of its own. Bounded: finding
/// fingerprints are kept for the latest <see cref="BaselinesPerBranch"/> runs of each branch, test outcomes for
/// the latest <see cref="RunsPerApp"/> runs of each app; older rows go when a run is kept.
/// </summary>
public sealed class SqliteResultHistory : IResultHistory
{
    /// <summary>How many runs of one branch keep their finding fingerprints.</summary>
    public const int BaselinesPerBranch = 3;

    /// <summary>How many runs of one app keep their test outcomes.</summary>
    public const int RunsPerApp = 50;

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS kept_runs (
            run_id TEXT PRIMARY KEY, app TEXT NOT NULL, branch TEXT NOT NULL, commit_sha TEXT, kept_at TEXT NOT NULL,
            analysed INTEGER NOT NULL, tested INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS kept_runs_by_branch ON kept_runs (app, branch, kept_at);
        CREATE TABLE IF NOT EXISTS kept_findings (
            run_id TEXT NOT NULL, fingerprint TEXT NOT NULL, count INTEGER NOT NULL, PRIMARY KEY (run_id, fingerprint));
        CREATE TABLE IF NOT EXISTS kept_failing_tests (
            run_id TEXT NOT NULL, fingerprint TEXT NOT NULL, PRIMARY KEY (run_id, fingerprint));
        CREATE TABLE IF NOT EXISTS test_outcomes (
            run_id TEXT NOT NULL, test TEXT NOT NULL, outcome TEXT NOT NULL, PRIMARY KEY (run_id, test));
        CREATE INDEX IF NOT EXISTS test_outcomes_by_test ON test_outcomes (test);
        """;

    private readonly SqliteDatabase _database;

    public SqliteResultHistory(string databasePath)
    {
        _database = new SqliteDatabase(databasePath);
        _database.Execute(Schema);
    }

    public async Task KeepAsync(KeptRun run, RunReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var baseline = Baseline.Of(report, run.Branch, run.RunId, run.Commit);
        var outcomes = report.Suites.SelectMany(suite => suite.Cases)
            .GroupBy(test => test.FullName, StringComparer.Ordinal)
            .Select(test => (Name: test.Key, Outcome: Worst(test.Select(@case => @case.Outcome))));
        await _database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await Write(connection, transaction, """
                    INSERT OR REPLACE INTO kept_runs (run_id, app, branch, commit_sha, kept_at, analysed, tested)
                    VALUES ($run, $app, $branch, $commit, $at, $analysed, $tested)
                    """, ("$run", run.RunId), ("$app", run.App), ("$branch", run.Branch), ("$commit", run.Commit), ("$at", Format(run.At)),
                    ("$analysed", run.Analysed ? 1 : 0), ("$tested", run.Tested ? 1 : 0));
                foreach (var (fingerprint, count) in baseline.Findings)
                {
                    await Write(connection, transaction, "INSERT OR REPLACE INTO kept_findings VALUES ($run, $print, $count)",
                        ("$run", run.RunId), ("$print", fingerprint), ("$count", count));
                }

                foreach (var fingerprint in baseline.FailingTests)
                {
                    await Write(connection, transaction, "INSERT OR REPLACE INTO kept_failing_tests VALUES ($run, $print)",
                        ("$run", run.RunId), ("$print", fingerprint));
                }

                foreach (var (name, outcome) in outcomes)
                {
                    await Write(connection, transaction, "INSERT OR REPLACE INTO test_outcomes VALUES ($run, $test, $outcome)",
                        ("$run", run.RunId), ("$test", name), ("$outcome", outcome.ToString()));
                }

                await DropPastBoundsAsync(connection, transaction, run);
            },
            cancellationToken);
    }

    // Findings come from the latest run that analysed, failing tests from the latest that tested: a run of the base
    // branch that only served a playground says nothing about either.
    public async Task<Baseline> FindBaselineAsync(string app, string branch, CancellationToken cancellationToken)
    {
        var analysed = await LatestAsync(app, branch, "analysed", cancellationToken);
        var tested = await LatestAsync(app, branch, "tested", cancellationToken);
        if (analysed is null && tested is null)
        {
            return Baseline.Missing(branch);
        }

        var findings = analysed is null ? [] : await _database.QueryAsync(
            "SELECT fingerprint, count FROM kept_findings WHERE run_id = $run",
            reader => (Print: reader.GetString(0), Count: reader.GetInt32(1)),
            cancellationToken,
            ("$run", analysed.Value.RunId));
        var failing = tested is null ? [] : await _database.QueryAsync(
            "SELECT fingerprint FROM kept_failing_tests WHERE run_id = $run",
            reader => reader.GetString(0),
            cancellationToken,
            ("$run", tested.Value.RunId));
        var latest = analysed ?? tested!.Value;
        return new Baseline(branch, latest.RunId, latest.Commit, findings.ToDictionary(row => row.Print, row => row.Count), failing.ToHashSet());
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<TestHistoryEntry>>> TestHistoryAsync(
        string app, IReadOnlyCollection<string> tests, CancellationToken cancellationToken)
    {
        var wanted = tests.ToHashSet(StringComparer.Ordinal);
        var rows = await OutcomesAsync(app, cancellationToken);
        return rows.Where(row => wanted.Contains(row.Test)).GroupBy(row => row.Test, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<TestHistoryEntry>)group.Select(row => row.Entry).ToList());
    }

    public async Task<IReadOnlyList<FlakyTest>> FlakiestAsync(string app, int limit, CancellationToken cancellationToken)
    {
        var rows = await OutcomesAsync(app, cancellationToken);
        var history = rows.GroupBy(row => row.Test, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => (IReadOnlyList<TestHistoryEntry>)group.Select(row => row.Entry).ToList());
        return FlakyTestFinder.Find(history).Take(limit).ToList();
    }

    // Only tests that failed at least once in the app's kept runs can be flaky: passing-only tests are never read.
    private Task<IReadOnlyList<(string Test, TestHistoryEntry Entry)>> OutcomesAsync(string app, CancellationToken cancellationToken) =>
        _database.QueryAsync(
            """
            SELECT o.test, o.run_id, r.commit_sha, o.outcome, r.kept_at FROM test_outcomes o JOIN kept_runs r ON r.run_id = o.run_id
            WHERE r.app = $app AND o.test IN (
                SELECT f.test FROM test_outcomes f JOIN kept_runs fr ON fr.run_id = f.run_id
                WHERE fr.app = $app AND f.outcome IN ('Failed', 'Error'))
            ORDER BY r.kept_at DESC
            """,
            reader => (reader.GetString(0), new TestHistoryEntry(
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                Enum.Parse<TestOutcome>(reader.GetString(3)),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind))),
            cancellationToken,
            ("$app", app));

    private async Task<(string RunId, string? Commit)?> LatestAsync(string app, string branch, string kind, CancellationToken cancellationToken)
    {
        var rows = await _database.QueryAsync(
            $"SELECT run_id, commit_sha FROM kept_runs WHERE app = $app AND branch = $branch AND {kind} = 1 ORDER BY kept_at DESC LIMIT 1",
            reader => (reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)),
            cancellationToken,
            ("$app", app),
            ("$branch", branch));
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task DropPastBoundsAsync(SqliteConnection connection, SqliteTransaction transaction, KeptRun run)
    {
        const string OldBaselines = """
            SELECT run_id FROM kept_runs WHERE app = $app AND branch = $branch ORDER BY kept_at DESC LIMIT -1 OFFSET $keep
            """;
        await Write(connection, transaction, $"DELETE FROM kept_findings WHERE run_id IN ({OldBaselines})",
            ("$app", run.App), ("$branch", run.Branch), ("$keep", BaselinesPerBranch));
        await Write(connection, transaction, $"DELETE FROM kept_failing_tests WHERE run_id IN ({OldBaselines})",
            ("$app", run.App), ("$branch", run.Branch), ("$keep", BaselinesPerBranch));
        const string OldRuns = "SELECT run_id FROM kept_runs WHERE app = $app ORDER BY kept_at DESC LIMIT -1 OFFSET $keep";
        foreach (var table in new[] { "test_outcomes", "kept_findings", "kept_failing_tests" })
        {
            await Write(connection, transaction, $"DELETE FROM {table} WHERE run_id IN ({OldRuns})", ("$app", run.App), ("$keep", RunsPerApp));
        }

        await Write(connection, transaction, $"DELETE FROM kept_runs WHERE run_id IN ({OldRuns})", ("$app", run.App), ("$keep", RunsPerApp));
    }

    private static TestOutcome Worst(IEnumerable<TestOutcome> outcomes) =>
        outcomes.Aggregate(TestOutcome.Passed, (worst, next) => Rank(next) > Rank(worst) ? next : worst);

    private static int Rank(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Error => 4,
        TestOutcome.Failed => 3,
        TestOutcome.Warning => 2,
        TestOutcome.Passed => 1,
        _ => 0,
    };

    private static async Task Write(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = SqliteDatabase.Prepare(connection, sql, parameters);
        command.Transaction = transaction;
        await command.ExecuteNonQueryAsync();
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
}
