using Microsoft.Data.Sqlite;
using Slipway.Pipeline.State;
using Slipway.Results;
using Slipway.Results.Changes;

namespace Slipway.Pipeline.Tests.State;

public sealed class SqliteResultHistoryTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);
    private static readonly Finding Indent = new("phpcs", FindingSeverity.Error, "src/Form.php", 12, 1, "Generic.WhiteSpace.ScopeIndent", "Line indented incorrectly");
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-history-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private string Database => Path.Combine(_folder, "slipway.db");

    private static RunReport Report(IReadOnlyList<Finding> findings, params (string Name, TestOutcome Outcome)[] tests) => RunReport.Combine(
        new TaskResults("analysis", [], [], findings, [], []),
        new TaskResults("tests", [], [new TestSuiteResult("phpunit", "FormTest", null, tests.Select(test => new TestCaseResult
        {
            Name = test.Name,
            ClassName = "FormTest",
            Outcome = test.Outcome,
        }).ToList())], [], [], []));

    private static KeptRun Run(string id, string branch, string commit, int minute, bool analysed = true, bool tested = true) =>
        new(id, "site", branch, commit, Noon.AddMinutes(minute), analysed, tested);

    [Fact]
    public async Task The_baseline_is_the_latest_kept_run_of_the_branch_read_back_by_a_new_store()
    {
        var history = new SqliteResultHistory(Database);
        await history.KeepAsync(Run("r1", "develop", "aaa", 1), Report([Indent], ("testSave", TestOutcome.Failed)), default);
        await history.KeepAsync(Run("r2", "develop", "bbb", 2), Report([Indent, Indent with { Line = 40 }], ("testSave", TestOutcome.Passed)), default);
        await history.KeepAsync(Run("r3", "feature/x", "ccc", 3), Report([]), default);

        var baseline = await new SqliteResultHistory(Database).FindBaselineAsync("site", "develop", default);

        baseline.RunId.Should().Be("r2");
        baseline.Commit.Should().Be("bbb");
        baseline.Findings.Should().ContainSingle().Which.Value.Should().Be(2);
        baseline.FailingTests.Should().BeEmpty();
    }

    [Fact]
    public async Task A_branch_without_kept_runs_has_no_baseline()
    {
        var baseline = await new SqliteResultHistory(Database).FindBaselineAsync("site", "develop", default);

        baseline.Found.Should().BeFalse();
        baseline.Branch.Should().Be("develop");
    }

    [Fact]
    public async Task Findings_come_from_the_latest_run_that_analysed_failing_tests_from_the_latest_that_tested()
    {
        var history = new SqliteResultHistory(Database);
        await history.KeepAsync(Run("r1", "develop", "aaa", 1), Report([Indent], ("testSave", TestOutcome.Failed)), default);
        await history.KeepAsync(Run("r2", "develop", "bbb", 2, analysed: false), Report([], ("testSave", TestOutcome.Passed)), default);

        var baseline = await history.FindBaselineAsync("site", "develop", default);

        baseline.Findings.Should().ContainKey(FindingFingerprint.Of(Indent));
        baseline.FailingTests.Should().BeEmpty();
    }

    [Fact]
    public async Task Storage_stays_bounded_however_many_runs_are_kept()
    {
        var history = new SqliteResultHistory(Database);
        for (var run = 0; run < SqliteResultHistory.RunsPerApp + 10; run++)
        {
            await history.KeepAsync(Run($"r{run:000}", "develop", $"c{run}", run), Report([Indent], ("testSave", TestOutcome.Passed)), default);
        }

        await using var connection = new SqliteConnection($"Data Source={Database}");
        connection.Open();
        long Count(string sql)
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return (long)command.ExecuteScalar()!;
        }

        Count("SELECT COUNT(*) FROM kept_runs").Should().Be(SqliteResultHistory.RunsPerApp);
        Count("SELECT COUNT(*) FROM test_outcomes").Should().Be(SqliteResultHistory.RunsPerApp);
        Count("SELECT COUNT(DISTINCT run_id) FROM kept_findings").Should().Be(SqliteResultHistory.BaselinesPerBranch);
        (await history.FindBaselineAsync("site", "develop", default)).RunId.Should().Be($"r{SqliteResultHistory.RunsPerApp + 9:000}");
    }

    [Fact]
    public async Task A_test_that_failed_and_passed_on_the_same_commit_is_among_the_flakiest()
    {
        var history = new SqliteResultHistory(Database);
        await history.KeepAsync(Run("r1", "feature/x", "aaa", 1), Report([], ("testSave", TestOutcome.Failed), ("testLoad", TestOutcome.Passed)), default);
        await history.KeepAsync(Run("r2", "feature/x", "aaa", 2), Report([], ("testSave", TestOutcome.Passed), ("testLoad", TestOutcome.Passed)), default);

        var flakiest = await history.FlakiestAsync("site", 10, default);

        flakiest.Should().ContainSingle().Which.Name.Should().Be("FormTest::testSave");
        flakiest[0].Pattern.Should().Be("PF");
    }
}
