using Slipway.Platform;
using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Integration;

/// <summary>
/// The real entry scripts run the real tools on the failing-app fixture; reading their logs must
/// give exactly the failures the fixture plants (see tests/fixtures/failing-app/README.md).
/// </summary>
public sealed class EntryScriptResultsTests(FailingAppFixture app) : IClassFixture<FailingAppFixture>
{
    private TaskResults Read(string task, IReadOnlyList<LogLine> log, int pageSize = int.MaxValue)
    {
        var reader = new TaskResultsReader(task, app.AppRoot);
        foreach (var page in Pages.OfSize(log, Math.Min(pageSize, Math.Max(1, log.Count))))
        {
            reader.Feed(page);
        }

        return reader.Complete(new TaskOutcome(0, null));
    }

    [Fact]
    public void The_test_task_log_gives_the_one_planted_failure()
    {
        var results = Read("tests", app.TestsLog);

        results.Problems.Should().BeEmpty();
        var report = RunReport.Combine(results);
        report.Tests.Should().BeEquivalentTo(new { Total = 3, Passed = 2, Failed = 1, Errors = 0, Skipped = 0 });
        report.Failures.Single().Should().BeEquivalentTo(new
        {
            FullName = "FailingApp\\Tests\\CalculatorTest::testAddIsPlantedToFail",
            Message = "Failed asserting that 4 is identical to 5.",
            Location = "tests/CalculatorTest.php:24",
        });
        results.Tools.Single().Should().Be(new ToolRun("phpunit", "junit", 1, ToolRunStatus.Read));
    }

    [Fact]
    public void The_analysis_task_log_gives_the_planted_syntax_error_and_coding_standard_violation()
    {
        var results = Read("analysis", app.AnalysisLog);

        results.Problems.Should().BeEmpty();
        results.Tools.Select(tool => (tool.Tool, tool.Status)).Should().Equal(
            ("phplint", ToolRunStatus.Read), ("phpcs", ToolRunStatus.Read), ("phpmd", ToolRunStatus.Read),
            ("phpcpd", ToolRunStatus.Read), ("phploc", ToolRunStatus.Read));
        results.Findings.Select(finding => (finding.Tool, finding.Location, finding.Rule)).Should().Equal(
            ("phplint", "lib/legacy.php:10", "PHP.Lint.ParseError"),
            ("phpcs", "src/Calculator.php:10", "PSR2.Classes.ClassDeclaration.OpenBraceNewLine"));
        results.Findings[0].Message.Should().Contain("syntax error, unexpected token \"}\"");
        results.Metrics.Single().LinesOfCode.Should().BeGreaterThan(0);
    }

    [Fact]
    public void The_analysis_log_with_streams_merged_and_cut_into_small_pages_gives_the_same_results()
    {
        var separate = Read("analysis", app.AnalysisLog);

        var merged = Read("analysis", app.MergedAnalysisLog, pageSize: 3);

        merged.Should().BeEquivalentTo(separate);
        app.MergedAnalysisLog.Should().OnlyContain(line => line.Stream == LogStream.Unknown);
    }
}
