using System.Text.Json;
using Amazon.Runtime;
using Amazon.S3;
using Slipway.Data;
using Slipway.Data.Screenshots;
using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Pipeline.Tests.Aws.Fixtures;
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

    [Fact]
    public async Task A_run_with_a_page_on_the_service_links_the_failing_browser_tests_screenshot_in_the_slack_thread()
    {
        await using var slack = new FakeSlackApi(TestSecrets.SlackBotToken);
        var run = await StartRunAsync("r-browser", "feature/login", null, SlackReporter(slack), new Uri("https://slipway.example.com/runs/17"));
        run.Results.Enqueue(Tests(("testLogin", TestOutcome.Failed, 30), ("testCart", TestOutcome.Failed, 40)) with
        {
            Attachments = [Screenshot("testLogin.png"), Screenshot("checkout-step-3.png")],
        });
        await run.Tracker.SetStageAsync(StageNames.Test, StageState.Failed, "0 passed, 2 failed");
        await Keeper(run).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "browser"));
        await run.Tracker.FinishAsync(RunState.Failed, "test failed");

        var reply = slack.Calls.Single(call => call.ThreadTs is not null);
        reply.Links.Should().Equal(
            ("https://slipway.example.com/runs/17/screenshots/testLogin.png", "testLogin.png"),
            ("https://slipway.example.com/runs/17/screenshots/checkout-step-3.png", "checkout-step-3.png"));
        reply.AllText.Should().Contain("*CartTest::testLogin*: Failed asserting that 90 matches expected 100. · :camera: <https://slipway.example.com/runs/17/screenshots/testLogin.png|testLogin.png>");
        (await File.ReadAllTextAsync(Path.Combine(_folder, "browser", RunReportPublisher.MarkdownFile))).Should().Contain("[testLogin.png](screenshots/testLogin.png)");
    }

    [Fact]
    public async Task A_run_from_the_command_line_links_no_screenshot_in_slack_and_its_report_keeps_the_relative_link()
    {
        await using var slack = new FakeSlackApi(TestSecrets.SlackBotToken);
        var run = await StartRunAsync("r-laptop", "feature/login", null, SlackReporter(slack));
        run.Results.Enqueue(Tests(("testLogin", TestOutcome.Failed, 30)) with { Attachments = [Screenshot("testLogin.png")] });
        await run.Tracker.SetStageAsync(StageNames.Test, StageState.Failed, "0 passed, 1 failed");
        await Keeper(run).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "laptop"));
        await run.Tracker.FinishAsync(RunState.Failed, "test failed");

        slack.Calls.Should().OnlyContain(call => call.Links.Count == 0, "nobody else can open a file on this machine");
        slack.Calls.Single(call => call.ThreadTs is not null).AllText.Should().Contain("*CartTest::testLogin*").And.NotContain(".png");
        (await File.ReadAllTextAsync(Path.Combine(_folder, "laptop", RunReportPublisher.MarkdownFile))).Should().Contain("[testLogin.png](screenshots/testLogin.png)");
        File.Exists(Path.Combine(_folder, "laptop", "screenshots", "testLogin.png")).Should().BeTrue();
    }

    [Fact]
    public async Task A_run_without_a_page_but_with_a_screenshots_bucket_links_a_presigned_address_that_opens_the_png()
    {
        await using var moto = await MotoServer.StartAsync();
        using var s3 = new AmazonS3Client(
            new BasicAWSCredentials("testing", "testing"),
            new AmazonS3Config { ServiceURL = moto.Endpoint.AbsoluteUri, ForcePathStyle = true, AuthenticationRegion = MotoServer.Region });
        await moto.Cli.RunAsync("s3api", "create-bucket", "--bucket", "team-artifacts", "--create-bucket-configuration", $"LocationConstraint={MotoServer.Region}");
        await using var slack = new FakeSlackApi(TestSecrets.SlackBotToken);
        var run = await StartRunAsync("r-ci", "feature/login", null, SlackReporter(slack));
        run.Results.Enqueue(Tests(("testLogin", TestOutcome.Failed, 30)) with { Attachments = [Screenshot("testLogin.png")] });
        await run.Tracker.SetStageAsync(StageNames.Test, StageState.Failed, "0 passed, 1 failed");
        var services = Services(run.Tracker) with { Screenshots = new S3ScreenshotStore(s3, "team-artifacts", "ci/", TimeProvider.System) };
        await new RunResultsKeeper(services, run).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "ci"));
        await run.Tracker.FinishAsync(RunState.Failed, "test failed");

        var (url, label) = slack.Calls.Single(call => call.ThreadTs is not null).Links.Should().ContainSingle().Subject;
        label.Should().Be("testLogin.png");
        url.Should().StartWith($"{moto.Endpoint.AbsoluteUri}team-artifacts/ci/shop-site/r-ci/testLogin.png?").And.Contain("X-Amz-Algorithm=AWS4-HMAC-SHA256");
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        (await http.GetByteArrayAsync(url)).Should().Equal(Screenshot("testLogin.png").Content);
    }

    [Theory]
    [InlineData("timeout")]
    [InlineData("refused")]
    public async Task A_screenshot_store_that_fails_or_times_out_costs_the_links_never_the_report_or_the_status(string failure)
    {
        await using var slack = new FakeSlackApi(TestSecrets.SlackBotToken);
        var run = await StartRunAsync("r-" + failure, "feature/login", null, SlackReporter(slack));
        run.Results.Enqueue(Tests(("testLogin", TestOutcome.Failed, 30)) with { Attachments = [Screenshot("testLogin.png")] });
        await run.Tracker.SetStageAsync(StageNames.Test, StageState.Failed, "0 passed, 1 failed");
        // The AWS SDK reports an HttpClient timeout as a TaskCanceledException, with no token of the caller cancelled.
        Exception error = failure == "timeout" ? new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout") : new DataException("bucket refused");
        var warnings = new List<string>();
        using (Log.AddFlowSink(new WarningSink(warnings)))
        {
            await new RunResultsKeeper(Services(run.Tracker) with { Screenshots = new FailingStore(error) }, run)
                .PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, failure));
        }

        await run.Tracker.FinishAsync(RunState.Failed, "test failed");

        warnings.Should().ContainSingle().Which.Should().StartWith("Could not keep the screenshots in the screenshot store");
        File.Exists(Path.Combine(_folder, failure, RunReportPublisher.JsonFile)).Should().BeTrue();
        var reply = slack.Calls.Single(call => call.ThreadTs is not null);
        reply.AllText.Should().Contain("*CartTest::testLogin*");
        slack.Calls.Should().OnlyContain(call => call.Links.Count == 0);
    }

    private sealed class FailingStore(Exception error) : IScreenshotStore
    {
        public Task<Uri> PutAsync(string app, string runId, string name, byte[] png, CancellationToken cancellationToken) => Task.FromException<Uri>(error);
    }

    private sealed class WarningSink(List<string> warnings) : ILogSink
    {
        public void Write(LogEntry entry)
        {
            if (entry.Level == LogLevel.Warning)
            {
                lock (warnings)
                {
                    warnings.Add(entry.Text);
                }
            }
        }
    }

    private static TaskAttachment Screenshot(string name) => new("browser", name, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);

    private static IRunStatusReporter SlackReporter(FakeSlackApi slack) => StatusReporterFactory.Create(
        new StatusSettings { SlackBotToken = TestSecrets.SlackBotToken, SlackChannel = FakeSlackApi.ChannelName, SlackApiBaseUrl = slack.ApiBaseUrl },
        TextWriter.Null,
        _ => { });

    [Fact]
    public async Task Failing_tests_of_two_runners_reach_the_status_with_summed_totals_each_named_with_its_runner()
    {
        var run = await StartRunAsync("r-runners", "feature/js", baseBranch: null, new ConsoleOnlyReporter());
        var tests = Tests(("testTotal", TestOutcome.Passed, 0), ("testDiscount", TestOutcome.Failed, 51));
        var js = new TestSuiteResult("js", "cart", null, [new TestCaseResult { Name = "totals the cart", ClassName = "cart", Tool = "js", Outcome = TestOutcome.Failed }]);
        run.Results.Enqueue(tests with
        {
            Tools = [new ToolRun("unit", "junit", 1, ToolRunStatus.Read), new ToolRun("js", "junit", 1, ToolRunStatus.Read)],
            Suites = [tests.Suites[0] with { Tool = "unit", Cases = [.. tests.Suites[0].Cases.Select(test => test with { Tool = "unit" })] }, js],
        });

        await Keeper(run).PublishAsync(new RunReportPublisher(_ => null), Path.Combine(_folder, "runners"));

        var status = run.Tracker.Status;
        status.TestTotals.Should().Be(new TestTotals(1, 2, 0, 0), "Slack and the checks show the sum of the runners");
        status.FailingTests.Select(test => test.Title).Should().Equal("unit: CartTest::testDiscount", "js: cart::totals the cart");
    }

    private RunResultsKeeper Keeper(RunContext run) => new(Services(run.Tracker), run);

    private PipelineServices Services(StageTracker tracker) => new(
        NamedPlatform.Local, NamedPlatform.Local, null!, null!, null!, null!, Store, new ConsoleOnlyReporter(), null!, null!, TimeProvider.System,
        new SqliteResultHistory(Database));

    private string Database => Path.Combine(_folder, "slipway.db");

    private SqliteRunStore Store => new(Database);

    private async Task<RunContext> StartRunAsync(string id, string branch, string? baseBranch, IRunStatusReporter reporter, Uri? runPage = null)
    {
        var tracker = new StageTracker(Store, reporter, TimeProvider.System);
        var settings = new PipelineSettings(_folder, _folder, "https://github.com/acme/shop-site.git", branch, Commit: Sha, BaseBranch: baseBranch)
        {
            RunPageUrl = runPage,
        };
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
