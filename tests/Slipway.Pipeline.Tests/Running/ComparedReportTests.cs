using System.Text.Json;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;
using Slipway.Results;
using Slipway.Status;
using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Running;

/// <summary>
/// A pull request's report and checks against the base branch's latest run: results kept by one run, compared by the
/// next, written to report.json and posted as check runs to a loopback GitHub that checks requests as documented.
/// </summary>
public sealed class ComparedReportTests : IDisposable
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private const string FormFile = "web/modules/custom/shop/src/Form/CartForm.php";
    private const string TestFile = "web/modules/custom/shop/tests/src/Unit/CartTest.php";
    private readonly string _folder = Directory.CreateTempSubdirectory("slipway-compared-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_pull_request_gets_check_runs_annotated_with_exactly_its_new_failing_test_and_finding()
    {
        await using var gitHub = new FakeGitHubApi(TestSecrets.GitHubAppToken, ["acme/shop-site"]);
        var develop = await StartRunAsync("r-develop", "develop", baseBranch: null, new ConsoleOnlyReporter());
        develop.Results.Enqueue(Analysis(Finding(40, "Cyclomatic"), Finding(90, "NPath")));
        develop.Results.Enqueue(Tests(("testTotal", TestOutcome.Passed, 0), ("testLegacyRounding", TestOutcome.Failed, 30)));
        await Keeper(develop).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "develop"));

        var reporter = StatusReporterFactory.Create(
            new StatusSettings { GitHubToken = TestSecrets.GitHubAppToken, GitHubApiBaseUrl = gitHub.ApiBaseUrl }, TextWriter.Null, _ => { });
        var feature = await StartRunAsync("r-feature", "feature/cart", baseBranch: "develop", reporter);
        // An edit above the old findings moved them 5 lines down; it added one finding and one failing test.
        feature.Results.Enqueue(Analysis(Finding(45, "Cyclomatic"), Finding(95, "NPath"), Finding(12, "UnusedLocalVariable")));
        feature.Results.Enqueue(Tests(("testTotal", TestOutcome.Passed, 0), ("testLegacyRounding", TestOutcome.Failed, 30), ("testDiscount", TestOutcome.Failed, 51)));
        await feature.Tracker.SetStageAsync(StageNames.Test, StageState.Running);
        await feature.Tracker.SetStageAsync(StageNames.Analysis, StageState.Running);
        await feature.Tracker.SetStageAsync(StageNames.Test, StageState.Failed, "1 passed, 2 failed");
        await feature.Tracker.SetStageAsync(StageNames.Analysis, StageState.Succeeded, "3 findings from phpmd");
        await Keeper(feature).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "feature"), timeToUrl: TimeSpan.FromSeconds(42));
        await feature.Tracker.FinishAsync(RunState.Failed, "test failed");

        var checks = gitHub.CheckRunsOn(Sha);
        checks["slipway/test"].Annotations.Should().Equal(new PostedAnnotation(TestFile, 51, "failure", "Failed asserting that 90 matches expected 100."));
        checks["slipway/analysis"].Annotations.Should().Equal(new PostedAnnotation(FormFile, 12, "warning", "UnusedLocalVariable at line 12"));
        checks["slipway/analysis"].Summary.Should().Contain("1 new findings (annotated on their lines), 2 old findings");
        checks["slipway/test"].Conclusion.Should().Be("failure");

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "feature", RunReportPublisher.JsonFile)));
        var root = report.RootElement;
        root.GetProperty("findings").EnumerateArray().Count(finding => finding.GetProperty("new").GetBoolean()).Should().Be(1);
        root.GetProperty("failures").EnumerateArray().Select(test => (test.GetProperty("name").GetString(), test.GetProperty("new").GetBoolean()))
            .Should().BeEquivalentTo([("testLegacyRounding", false), ("testDiscount", true)]);
        root.GetProperty("changes").GetProperty("baseRunId").GetString().Should().Be("r-develop");
        root.GetProperty("timeToUrlSeconds").GetDouble().Should().Be(42);
        root.GetProperty("costs").GetProperty("stages").EnumerateArray().Select(stage => stage.GetProperty("platform").GetString())
            .Should().OnlyContain(platform => platform == "local");
    }

    [Fact]
    public async Task A_test_that_fails_and_passes_on_the_same_commit_is_marked_flaky_with_its_history()
    {
        var first = await StartRunAsync("r-1", "feature/cart", "develop", new ConsoleOnlyReporter());
        first.Results.Enqueue(Tests(("testClock", TestOutcome.Failed, 20), ("testTotal", TestOutcome.Passed, 0)));
        await Keeper(first).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "1"));

        var second = await StartRunAsync("r-2", "feature/cart", "develop", new ConsoleOnlyReporter());
        second.Results.Enqueue(Tests(("testClock", TestOutcome.Passed, 0), ("testTotal", TestOutcome.Passed, 0)));
        await Keeper(second).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "2"));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "2", RunReportPublisher.JsonFile)));
        var flaky = report.RootElement.GetProperty("flakyTests").EnumerateArray().Should().ContainSingle().Subject;
        flaky.GetProperty("name").GetString().Should().Be("CartTest::testClock");
        flaky.GetProperty("pattern").GetString().Should().Be("PF");
        (await File.ReadAllTextAsync(Path.Combine(_folder, "2", RunReportPublisher.MarkdownFile))).Should().Contain("### Flaky tests").And.Contain("`CartTest::testClock`");
    }

    [Fact]
    public async Task A_pull_request_into_release_2_is_compared_with_release_2s_latest_run_not_the_default_base_branch()
    {
        var develop = await StartRunAsync("r-develop", "develop", baseBranch: null, new ConsoleOnlyReporter());
        develop.Results.Enqueue(Analysis(Finding(40, "Cyclomatic")));
        await Keeper(develop).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "develop"));
        var release = await StartRunAsync("r-release-2", "release/2", baseBranch: null, new ConsoleOnlyReporter());
        release.Results.Enqueue(Analysis(Finding(40, "Cyclomatic"), Finding(12, "UnusedLocalVariable")));
        await Keeper(release).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "release-2"));

        // The webhook's base ref over the service's --base-branch develop.
        var settings = new PipelineRequest(PipelineNames.PullRequest, "https://github.com/acme/shop-site.git", "hotfix/cart") { BaseBranch = "release/2" }
            .Apply(new PipelineSettings(_folder, _folder, "", "", BaseBranch: "develop"));
        var hotfix = await StartRunAsync("r-hotfix", "hotfix/cart", settings.BaseBranch, new ConsoleOnlyReporter());
        hotfix.Results.Enqueue(Analysis(Finding(40, "Cyclomatic"), Finding(12, "UnusedLocalVariable")));
        await Keeper(hotfix).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "hotfix"));

        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(_folder, "hotfix", RunReportPublisher.JsonFile)));
        var changes = report.RootElement.GetProperty("changes");
        (changes.GetProperty("baseBranch").GetString(), changes.GetProperty("baseRunId").GetString()).Should().Be(("release/2", "r-release-2"));
        report.RootElement.GetProperty("findings").EnumerateArray().Should().OnlyContain(
            finding => !finding.GetProperty("new").GetBoolean(), "release/2 has both findings; develop lacks one, which would make it new");
    }

    private RunResultsKeeper Keeper(RunContext run) => new(Services(run.Tracker), run);

    private PipelineServices Services(StageTracker tracker) => new(
        NamedPlatform.Local, NamedPlatform.Local, null!, null!, null!, null!, Store, new ConsoleOnlyReporter(), null!, null!, TimeProvider.System,
        new SqliteResultHistory(Database));

    private string Database => Path.Combine(_folder, "slipway.db");

    private SqliteRunStore Store => new(Database);

    private async Task<RunContext> StartRunAsync(string id, string branch, string? baseBranch, IRunStatusReporter reporter)
    {
        var tracker = new StageTracker(Store, reporter, TimeProvider.System);
        var settings = new PipelineSettings(_folder, _folder, "https://github.com/acme/shop-site.git", branch, Commit: Sha, BaseBranch: baseBranch);
        var run = new RunContext(id, "PullRequest", settings, "shop-site", tracker);
        var now = DateTimeOffset.UtcNow;
        await tracker.StartAsync(
            new RunRecord(id, "PullRequest", "shop-site", branch, Sha, RunState.Queued, now),
            new RunStatus
            {
                RunId = id,
                Pipeline = "PullRequest",
                App = "shop-site",
                Branch = branch,
                CommitSha = Sha,
                StartedAt = now,
                RepositoryUrl = "https://github.com/acme/shop-site.git",
                Stages = [new StageStatus(StageNames.Test, StageState.Running), new StageStatus(StageNames.Analysis, StageState.Running)],
            },
            CancellationToken.None);
        return run;
    }

    private static Finding Finding(int line, string rule) =>
        new("phpmd", FindingSeverity.Warning, FormFile, line, 1, rule, $"{rule} at line {line}");

    private static TaskResults Analysis(params Finding[] findings) => new("analysis", [new ToolRun("phpmd", "pmd", 2, ToolRunStatus.Read)], [], findings, [], []);

    private static TaskResults Tests(params (string Name, TestOutcome Outcome, int Line)[] tests) => new(
        "tests",
        [new ToolRun("phpunit", "junit", 1, ToolRunStatus.Read)],
        [new TestSuiteResult("phpunit", "CartTest", TestFile, tests.Select(test => new TestCaseResult
        {
            Name = test.Name,
            ClassName = "CartTest",
            File = TestFile,
            Outcome = test.Outcome,
            FailureFile = test.Outcome == TestOutcome.Passed ? null : TestFile,
            FailureLine = test.Outcome == TestOutcome.Passed ? null : test.Line,
            Message = test.Outcome == TestOutcome.Passed ? null : "Failed asserting that 90 matches expected 100.",
        }).ToList())],
        [],
        [],
        []);

    private sealed class ConsoleOnlyReporter : IRunStatusReporter
    {
        public Task RunStartedAsync(RunStatus status, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StageChangedAsync(RunStatus status, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task RunFinishedAsync(RunStatus status, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
