using Slipway.Platform;
using Slipway.Results.Tests.Fixtures;
using Slipway.Results.Writers;

namespace Slipway.Results.Tests.Report;

/// <summary>Several test runners (tests.runners) in one task's log: each reported under its own name.</summary>
public sealed class TestRunnerResultsTests
{
    private const string UnitJUnit = """
        <testsuites><testsuite name="App\Tests\UnitTest" file="/var/www/app/tests/UnitTest.php">
          <testcase name="testOne" class="App\Tests\UnitTest" time="0.010"/>
          <testcase name="testTwo" class="App\Tests\UnitTest" time="0.010"/>
          <testcase name="testThree" class="App\Tests\UnitTest" time="0.010"><skipped/></testcase>
        </testsuite></testsuites>
        """;

    private const string JsJUnit = """
        <testsuites><testsuite name="cart">
          <testcase name="adds an item" classname="cart" time="0.001"/>
          <testcase name="totals the cart" classname="cart" time="0.002"><failure message="expected 3, got 4">expected 3, got 4</failure></testcase>
        </testsuite></testsuites>
        """;

    private static TaskLog TwoRunnersAndAnEmptyOne() => new TaskLog()
        .Report("unit", "junit", UnitJUnit, exit: 0)
        .Out("::slipway:: note tool=features no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app")
        .Report("js", "junit", JsJUnit, exit: 1);

    private static string Markdown(RunReport report)
    {
        var output = new StringWriter();
        new MarkdownReportWriter().Write(report, output);
        return output.ToString();
    }

    [Fact]
    public void Each_runner_has_its_own_counts_and_the_one_that_found_nothing_says_so_by_name()
    {
        var report = RunReport.Combine(TwoRunnersAndAnEmptyOne().Read());

        report.Runners.Select(runner => (runner.Runner, runner.Tests.Total, runner.Tests.Passed, runner.Tests.Failed, runner.Tests.Skipped, runner.NoTestsFound)).Should().Equal(
            ("unit", 3, 2, 0, 1, null),
            ("features", 0, 0, 0, 0, "behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app"),
            ("js", 2, 1, 1, 0, null));
        report.Tests.Should().BeEquivalentTo(new { Total = 5, Passed = 3, Failed = 1, Skipped = 1 }, "the totals stay the sum");
        report.NameOf(report.Failures.Single()).Should().Be("js: cart::totals the cart");
    }

    [Fact]
    public void The_markdown_report_has_a_line_per_runner_and_names_the_runner_of_each_failure()
    {
        var text = Markdown(RunReport.Combine(TwoRunnersAndAnEmptyOne().Read()));

        text.Should().Contain("""
            ### Test runners

            - **unit**: 3 tests: 2 passed, 0 failed, 1 skipped
            - **features**: no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app
            - **js**: 2 tests: 1 passed, 1 failed, 0 skipped
            """.ReplaceLineEndings());
        text.Should().Contain("| 5 | 3 | 1 | 0 | 1 | 0 |");
        text.Should().Contain("| failed | `js: cart::totals the cart` |  | expected 3, got 4 |");
    }

    [Fact]
    public void The_json_report_lists_each_runner_and_names_the_runner_of_each_failure()
    {
        var output = new StringWriter();
        new JsonReportWriter().Write(RunReport.Combine(TwoRunnersAndAnEmptyOne().Read()), output);

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        json.RootElement.GetProperty("runners").EnumerateArray()
            .Select(runner => $"{runner.GetProperty("name")} {runner.GetProperty("total")}/{runner.GetProperty("passed")}/{runner.GetProperty("failed")} {runner.GetProperty("noTestsFound")}")
            .Should().Equal("unit 3/2/0 ", "features 0/0/0 behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app", "js 2/1/1 ");
        json.RootElement.GetProperty("failures")[0].GetProperty("runner").GetString().Should().Be("js");
    }

    [Fact]
    public void One_runner_alone_gets_no_runner_section_and_its_failures_keep_their_plain_names()
    {
        var report = RunReport.Combine(new TaskLog().Report("js", "junit", JsJUnit, exit: 1).Read());

        Markdown(report).Should().NotContain("### Test runners").And.Contain("| failed | `cart::totals the cart` |");
    }

    [Fact]
    public void A_runner_that_could_not_run_is_named_in_the_task_failure()
    {
        var log = TwoRunnersAndAnEmptyOne().Out("::slipway:: note tool=e2e could not run: npx exited with code 127 without writing reports/e2e.xml");

        var results = TaskLog.ReadPages([log.Lines], outcome: new TaskOutcome(2, null));

        results.Problems.Should().ContainSingle().Which.Message.Should().Be(
            "task tests ended with exit code 2: e2e: could not run: npx exited with code 127 without writing reports/e2e.xml");
        var report = RunReport.Combine(results);
        report.HasInfrastructureFailure.Should().BeTrue("a runner that could not run is never green");
        report.Runners.Last().Describe().Should().Be("could not run: npx exited with code 127 without writing reports/e2e.xml");
        Markdown(report).Should().Contain("- **e2e**: could not run: npx exited with code 127 without writing reports/e2e.xml");
    }

    [Theory]
    [InlineData("Unit")]
    [InlineData("unit_tests")]
    [InlineData("-unit")]
    [InlineData("unit**bold**")]
    public void A_tool_name_outside_the_runner_names_shape_makes_no_marker_and_no_note(string tool)
    {
        var results = new TaskLog()
            .Report(tool, "junit", JsJUnit)
            .Out($"::slipway:: note tool={tool} no tests found: nothing")
            .Read();

        results.Tools.Should().BeEmpty();
        results.Suites.Should().BeEmpty();
        results.Notes.Should().BeEmpty();
    }
}
