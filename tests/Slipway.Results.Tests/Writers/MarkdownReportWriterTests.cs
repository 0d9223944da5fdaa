using Slipway.Results.Changes;
using Slipway.Results.Tests.Fixtures;
using Slipway.Results.Writers;

namespace Slipway.Results.Tests.Writers;

public sealed class MarkdownReportWriterTests
{
    private static string Write(RunReport report)
    {
        var output = new StringWriter();
        new MarkdownReportWriter().Write(report, output);
        return output.ToString();
    }

    [Fact]
    public void The_summary_says_first_whether_the_run_broke_failed_or_passed()
    {
        Write(SampleRun.Everything()).Should().StartWith(MarkdownReportWriter.Title + Environment.NewLine + Environment.NewLine
            + "**Infrastructure failure**: 1 problem kept results from being read (17 tests, 8 failing, 52 findings).");
        Write(RunReport.Combine(SampleRun.Tests())).Should().Contain("**Tests failed**: 17 tests, 8 failing, no findings.");
        Write(SampleRun.Passing()).Should().Contain("**Tests passed**: 1 test, 0 failing, no findings.");
    }

    [Fact]
    public void Failed_tests_are_a_table_with_text_escaped_for_markdown()
    {
        var text = Write(SampleRun.Everything());

        text.Should().Contain("| 17 | 5 | 3 | 5 | 3 | 1 | 2.719 s |");
        text.Should().Contain("- **phpunit**: 11 tests: 4 passed, 2 failed, 3 errors, 2 skipped");
        text.Should().Contain("| 1.102 s | `behat: Log in to the site::An editor logs in with a valid password` |", "the slowest tests are named with their runner too");
        text.Should().Contain("| failed | `phpunit: App\\Tests\\CalculatorTest::testAddFails` | `tests/CalculatorTest.php:18` | sum is wrong &lt;&amp;&gt; ]]&gt; ::slipway:: end tool=phpunit exit=0 |");
    }

    [Fact]
    public void New_failing_tests_of_several_runners_are_named_with_their_runner()
    {
        var text = Write(SampleRun.Everything().With(Baseline.Missing("develop"), RunFacts.None));

        text.Should().Contain("- new failing test `phpunit: App\\Tests\\CalculatorTest::testAddFails` at `tests/CalculatorTest.php:18`");
    }

    [Fact]
    public void Pipes_and_backticks_in_names_do_not_break_the_table()
    {
        var odd = new TaskLog().Report("phpunit", "junit", """
            <testsuites><testsuite name="S">
              <testcase name="test `a|b`" class="App\Odd"><failure>App\Odd::test `a|b`
            left | right</failure></testcase>
            </testsuite></testsuites>
            """).Read();

        Write(RunReport.Combine(odd)).Should().Contain("| failed | `` App\\Odd::test `a\\|b` `` |  | left \\| right |");
    }

    [Fact]
    public void Findings_are_counted_by_tool_and_by_rule_first_then_listed_by_file_with_the_rest_counted()
    {
        var text = Write(RunReport.Combine(SampleRun.Analysis()));

        text.Should().Contain("| phpcs | 42 | 3 | 0 |");
        text.Should().Contain("| `Squiz.ControlStructures.ControlSignature.NewlineAfterOpenBrace` | phpcs | error | 20 | 2 |");
        text.Should().Contain("<details><summary>52 findings in ");
        text.Should().Contain("- line 6: warning `DuplicatedCode` (phpcpd): 18 duplicated lines (64 tokens), also in src/Copy.php:6");
        text.Should().Contain("- +15 more in this file");
        text.IndexOf("| Rule | Tool |", StringComparison.Ordinal).Should().BeLessThan(text.IndexOf("<details><summary>52 findings", StringComparison.Ordinal));
        text.Should().Contain("- phploc: 50 lines (12 logical), 2 classes, 6 methods");
    }

    [Fact]
    public void A_test_runner_that_found_nothing_is_reported_as_no_tests_found_with_its_reason_never_as_passed()
    {
        var results = new TaskLog()
            .Out("::slipway:: note tool=phpunit no tests found: no phpunit.xml(.dist) and no tests/ folder at the repository root")
            .Read();

        var text = Write(RunReport.Combine(results));

        text.Should().Contain("**No tests found**: no phpunit.xml(.dist) and no tests/ folder at the repository root");
        text.Should().NotContain("passed");
        text.Should().Contain("- **tests/phpunit**: no tests found: no phpunit.xml(.dist)");
    }

    [Fact]
    public void Raw_lines_of_a_broken_report_sit_in_a_fence_they_cannot_close()
    {
        var broken = new TaskLog().Begin("behat", "junit").Out("<testsuites>", "```", "</details>").Read();

        var text = Write(RunReport.Combine(broken));

        text.Should().Contain("  ````text" + Environment.NewLine + "  <testsuites>" + Environment.NewLine + "  ```" + Environment.NewLine
            + "  </details>" + Environment.NewLine + "  ````");
    }

    [Fact]
    public void The_step_summary_is_appended_to_the_file_GitHub_names()
    {
        var path = Path.Combine(Path.GetTempPath(), $"slipway-summary-{Guid.NewGuid():N}.md");
        File.WriteAllText(path, "# Earlier step" + Environment.NewLine);
        try
        {
            var summary = new GitHubStepSummary(name => name == GitHubStepSummary.VariableName ? path : null, new MarkdownReportWriter());

            summary.TryAppend(SampleRun.Passing()).Should().BeTrue();

            var text = File.ReadAllText(path);
            text.Should().StartWith("# Earlier step" + Environment.NewLine + MarkdownReportWriter.Title);
            text.Should().Contain("**Tests passed**");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Without_a_step_summary_file_nothing_is_written()
    {
        var summary = new GitHubStepSummary(_ => null, new MarkdownReportWriter());

        summary.TryAppend(SampleRun.Passing()).Should().BeFalse();
    }
}
