using Slipway.Results.Tests.Fixtures;
using Slipway.Results.Writers;

namespace Slipway.Results.Tests.Writers;

public sealed class ConsoleReportWriterTests
{
    private static string Write(RunReport report, ConsoleReportWriter? writer = null)
    {
        var output = new StringWriter();
        (writer ?? new ConsoleReportWriter()).Write(report, output);
        return output.ToString();
    }

    private static string[] Lines(string text) => text.Split(Environment.NewLine);

    [Fact]
    public void No_line_is_wider_than_100_columns_even_for_long_names_and_messages()
    {
        var longName = new TaskLog().Report("phpunit", "junit", $"""
            <testsuites><testsuite name="S">
              <testcase name="test{new string('x', 150)}" class="App\Tests\{new string('Y', 80)}Test" file="/var/www/app/tests/{new string('z', 120)}.php" line="3">
                <failure>{string.Join(' ', Enumerable.Repeat("words", 100))}</failure>
              </testcase>
            </testsuite></testsuites>
            """).Read();

        var text = Write(RunReport.Combine(SampleRun.Tests(), SampleRun.Analysis(), SampleRun.Killed(), longName));

        Lines(text).Should().OnlyContain(line => line.Length <= ConsoleReportWriter.Width);
    }

    [Fact]
    public void Problems_come_first_with_the_last_raw_lines_of_the_report()
    {
        var text = Write(SampleRun.Everything());

        text.Should().StartWith("== Problems: 1 infrastructure failure ==");
        text.Should().Contain("  tests-2/phpunit:" + Environment.NewLine
            + "    results incomplete: phpunit started but never finished (the task may have been stopped)");
        text.Should().Contain("    |   <testsuite name=\"Cut | short `here`\">");
    }

    [Fact]
    public void Failed_tests_show_outcome_name_location_and_message()
    {
        var text = Write(SampleRun.Everything());

        text.Should().Contain(string.Join(Environment.NewLine,
            "17 tests: 5 passed, 3 failed, 5 errors, 3 skipped, 1 warning (2.719 s)",
            "    phpunit: 11 tests: 4 passed, 2 failed, 3 errors, 2 skipped",
            "    behat: 6 tests: 2 passed, 1 failed, 2 errors, 1 skipped"));
        text.Should().Contain(string.Join(Environment.NewLine,
            "  FAILED  phpunit: App\\Tests\\CalculatorTest::testAddFails",
            "          at tests/CalculatorTest.php:18",
            "          sum is wrong <&> ]]> ::slipway:: end tool=phpunit exit=0"));
        text.Should().Contain("     1.102 s  behat: Log in to the site::An editor logs in with a valid password", "the slowest tests are named with their runner too");
    }

    [Fact]
    public void Findings_show_counts_by_tool_and_rule_then_findings_by_file_with_their_column_until_the_limit()
    {
        var text = Write(RunReport.Combine(SampleRun.Analysis()), new ConsoleReportWriter(maxFindings: 3));

        text.Should().Contain("== Findings: 44 errors, 8 warnings, 0 notices ==");
        text.Should().Contain("  phpcs             42         3        0");
        text.Should().Contain("        20      2  Squiz.ControlStructures.ControlSignature.NewlineAfterOpenBrace (phpcs, error)");
        text.Should().Contain("    1:1     error   phpcs PSR12.Files.FileHeader.SpacingAfterBlock");
        text.IndexOf("NewlineAfterOpenBrace (phpcs, error)", StringComparison.Ordinal)
            .Should().BeLessThan(text.IndexOf("    1:1 ", StringComparison.Ordinal), "the rule summary comes before the findings");
        text.Should().Contain("  ... and 49 more findings (see the Markdown or JSON report)");
        text.Should().Contain("  phploc: 50 lines (12 logical), 2 classes, 6 methods");
    }

    [Fact]
    public void Colour_codes_from_the_log_are_not_passed_on()
    {
        var coloured = new TaskLog().Begin("phpunit", "junit").Out("\u001b[31mFatal error\u001b[0m").Read();

        var text = Write(RunReport.Combine(coloured));

        text.Should().NotContain("\u001b").And.Contain("    | ?[31mFatal error?[0m");
    }

    [Fact]
    public void A_passing_run_has_no_problems_section()
    {
        var text = Write(SampleRun.Passing());

        text.Should().NotContain("Problems").And.Contain("1 test: 1 passed, 0 failed, 0 errors, 0 skipped, 0 warnings (0.250 s)");
    }
}
