using Slipway.Platform;
using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Extraction;

public sealed class TaskResultsReaderTests
{
    private const string SmallJUnit = """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites>
          <testsuite name="App\Tests\SmallTest" file="/var/www/app/tests/SmallTest.php" tests="2">
            <testcase name="testOne" class="App\Tests\SmallTest" file="/var/www/app/tests/SmallTest.php" line="8" time="0.010"/>
            <testcase name="testTwo" class="App\Tests\SmallTest" file="/var/www/app/tests/SmallTest.php" line="13" time="0.020">
              <failure type="PHPUnit\Framework\ExpectationFailedException">App\Tests\SmallTest::testTwo
        Failed asserting that false is true.

        /var/www/app/tests/SmallTest.php:15</failure>
            </testcase>
          </testsuite>
        </testsuites>
        """;

    [Fact]
    public void Lines_outside_reports_are_ignored_and_a_report_between_markers_is_read()
    {
        var results = new TaskLog()
            .Out("Installing dependencies", "<testsuites><testsuite name=\"not a report\"/></testsuites>")
            .Report("phpunit", "junit", SmallJUnit, exit: 1)
            .Out("done")
            .Read();

        results.Problems.Should().BeEmpty();
        results.Suites.Should().ContainSingle().Which.Cases.Select(test => test.Name).Should().Equal("testOne", "testTwo");
        results.Tools.Should().Equal(new ToolRun("phpunit", "junit", 1, ToolRunStatus.Read));
    }

    [Fact]
    public void Stderr_lines_inside_a_report_are_not_part_of_the_document_when_the_platform_tells_streams_apart()
    {
        var lines = TaskLog.SplitLines(SmallJUnit);
        var log = new TaskLog().Begin("phpunit", "junit").Err("PHP Warning:  something & <odd> happened");
        foreach (var line in lines)
        {
            // Inside the failure text too: there, noise could not be told from content without the stream.
            log.Out(line).Err("Xdebug: [Step Debug] Could not connect to debugging client. Tried: localhost:9003 <&>");
        }

        var results = log.End("phpunit", 1).Read();

        results.Problems.Should().BeEmpty();
        results.Suites.Single().Cases[1].Message.Should().Be("Failed asserting that false is true.");
        results.Suites.Single().Cases[1].Details.Should().NotContain("Xdebug");
    }

    [Fact]
    public void Noise_lines_of_an_unknown_stream_between_elements_are_dropped_without_corrupting_the_report()
    {
        var results = new TaskLog(streamsKnown: false)
            .Begin("phpcs", "checkstyle")
            .Out("PHP Deprecated:  Creation of dynamic property is deprecated in /usr/share/php/PHP_CodeSniffer/src/Ruleset.php on line 12")
            .Out("")
            .Out("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<checkstyle version=\"3.7.1\">")
            .Out("Deprecated: Return type of Foo::bar() should be compatible & <ok>")
            .Out("<file name=\"/var/www/app/src/A.php\">")
            .Out(" <error line=\"3\" column=\"1\" severity=\"error\" message=\"Missing file doc comment\" source=\"Squiz.Commenting.FileComment.Missing\"/>")
            .Out("Warning: progress 50%")
            .Out("</file>", "</checkstyle>", "Time: 00:01, Memory: 10 MB")
            .End("phpcs", 2)
            .Read("analysis");

        results.Problems.Should().BeEmpty();
        results.Findings.Should().ContainSingle().Which.Should().Be(new Finding(
            "phpcs", FindingSeverity.Error, "src/A.php", 3, 1, "Squiz.Commenting.FileComment.Missing", "Missing file doc comment"));
    }

    [Fact]
    public void Noise_is_recognised_after_attributes_comments_and_CDATA_that_hold_markup_characters()
    {
        var results = new TaskLog(streamsKnown: false).Report("phpunit", "junit", """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
            <!-- a comment with <testcase> and /> in it -->
            noise after a comment
              <testsuite name="a > b" file="/var/www/app/tests/ATest.php">
                <testcase name="test 'quoted' />" class="A"/>
            noise after an empty element whose attribute holds />
                <testcase name="testOutput" class="A">
                  <system-out><![CDATA[<b>bold</b> & more]]></system-out>
            noise after the end of an element holding CDATA
                </testcase>
              </testsuite>
            </testsuites>
            """).Read();

        results.Problems.Should().BeEmpty();
        results.Suites.Single().Cases.Select(test => test.Name).Should().Equal("test 'quoted' />", "testOutput");
    }

    [Fact]
    public void Text_lines_of_an_unknown_stream_inside_a_text_element_are_kept_as_content()
    {
        var results = new TaskLog(streamsKnown: false).Report("phpmd", "pmd", """
            <?xml version="1.0" encoding="UTF-8" ?>
            <pmd version="2.13.0">
              <file name="/var/www/app/src/A.php">
                <violation beginline="4" endline="4" rule="UnusedLocalVariable" ruleset="Unused Code Rules" priority="3">
                  Avoid unused local variables
                  such as '$x'.
                </violation>
              </file>
            </pmd>
            """).Read("analysis");

        results.Findings.Single().Message.Should().Be("Avoid unused local variables such as '$x'.");
    }

    [Fact]
    public void A_report_without_its_end_marker_is_incomplete_and_keeps_its_raw_lines()
    {
        var results = new TaskLog()
            .Begin("phpunit", "junit")
            .Document("""
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites>
                  <testsuite name="App\Tests\SmallTest" tests="2">
                """)
            .Read();

        var problem = results.Problems.Should().ContainSingle().Which;
        problem.Kind.Should().Be(ResultsProblemKind.Incomplete);
        problem.Message.Should().Be("results incomplete: phpunit started but never finished (the task may have been stopped)");
        problem.Tool.Should().Be("phpunit");
        problem.RawLines.Should().HaveCount(3).And.Contain("<testsuites>");
        results.HasInfrastructureFailure.Should().BeTrue();
        results.Suites.Should().BeEmpty();
        results.Tools.Should().Equal(new ToolRun("phpunit", "junit", null, ToolRunStatus.Incomplete));
    }

    [Fact]
    public void A_new_begin_marker_before_the_end_makes_the_open_report_incomplete_and_reads_the_new_one()
    {
        var results = new TaskLog()
            .Begin("phpunit", "junit").Out("<?xml version=\"1.0\"?>", "<testsuites>")
            .Report("phpcs", "checkstyle", Samples.Phpcs, exit: 2)
            .Read();

        results.Problems.Should().ContainSingle().Which.Message.Should().StartWith("results incomplete: phpunit started");
        results.Findings.Should().HaveCount(45);
    }

    [Fact]
    public void An_end_marker_without_a_begin_says_the_start_of_the_report_is_missing()
    {
        var results = new TaskLog().Out("</testsuites>").End("phpunit", 1).Read();

        results.Problems.Should().ContainSingle().Which.Message
            .Should().Be("results incomplete: phpunit finished but the start of its report is missing from the log");
    }

    [Fact]
    public void Malformed_xml_is_unreadable_with_the_parser_message_and_the_raw_lines()
    {
        var results = new TaskLog().Report("phpcs", "checkstyle", """
            <?xml version="1.0" encoding="UTF-8"?>
            <checkstyle version="3.7.1">
            <file name="/var/www/app/src/A.php">
             <error line="3" message="unclosed attribute/>
            </file>
            </checkstyle>
            """, exit: 2).Read("analysis");

        var problem = results.Problems.Should().ContainSingle().Which;
        problem.Kind.Should().Be(ResultsProblemKind.Unreadable);
        problem.Message.Should().StartWith("tool phpcs produced unreadable output: ").And.Contain("Line 5, position 1");
        problem.RawLines.Should().HaveCount(6);
        results.Findings.Should().BeEmpty("a report counts only when it is read in full");
        results.Tools.Single().Should().Be(new ToolRun("phpcs", "checkstyle", 2, ToolRunStatus.Unreadable));
    }

    [Fact]
    public void A_report_cut_short_before_its_end_marker_is_unreadable()
    {
        var results = new TaskLog().Report("phpunit", "junit", """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="App\Tests\SmallTest" tests="2">
            """, exit: 255).Read();

        results.Problems.Single().Message.Should().StartWith("tool phpunit produced unreadable output: Unexpected end of file");
    }

    [Fact]
    public void A_document_of_another_format_than_its_marker_names_is_unreadable()
    {
        var results = new TaskLog().Report("phpmd", "checkstyle", Samples.Phpmd).Read("analysis");

        results.Problems.Single().Message.Should().Be("tool phpmd produced unreadable output: expected a <checkstyle> document but it starts with <pmd>");
    }

    [Fact]
    public void An_empty_report_is_unreadable()
    {
        var results = new TaskLog().Begin("phpunit", "junit").Out("", "  ").End("phpunit", 255).Read();

        results.Problems.Single().Message.Should().Be("tool phpunit produced unreadable output: the report is empty");
    }

    [Fact]
    public void Empty_but_valid_documents_are_read_as_nothing_found()
    {
        var results = new TaskLog()
            .Report("phpunit", "junit", "<?xml version=\"1.0\"?>\n<testsuites/>")
            .Report("phpcs", "checkstyle", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"3.7.1\">\n</checkstyle>")
            .Report("phpmd", "pmd", "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<pmd version=\"2.13.0\" timestamp=\"2024-01-01T00:00:00+00:00\">\n</pmd>")
            .Report("phpcpd", "pmd-cpd", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pmd-cpd/>")
            .Read();

        results.Problems.Should().BeEmpty();
        results.Suites.Should().BeEmpty();
        results.Findings.Should().BeEmpty();
        results.Tools.Should().HaveCount(4).And.OnlyContain(tool => tool.Status == ToolRunStatus.Read);
    }

    [Fact]
    public void A_format_slipway_does_not_read_is_unreadable_and_names_the_formats_it_reads()
    {
        var results = new TaskLog().Report("psalm", "sarif", "{}").Read("analysis");

        results.Problems.Single().Message.Should().Be(
            "tool psalm produced unreadable output: format 'sarif' is not one Slipway reads (junit, checkstyle, pmd, pmd-cpd, phploc-json, png-base64)");
    }

    [Fact]
    public void Two_tools_in_one_log_are_both_read()
    {
        var results = new TaskLog()
            .Report("phpunit", "junit", Samples.PhpUnit, exit: 2)
            .Out("Running Behat")
            .Report("behat", "junit", Samples.Behat, exit: 1)
            .Read();

        results.Problems.Should().BeEmpty();
        results.Suites.Select(suite => suite.Tool).Distinct().Should().Equal("phpunit", "behat");
        results.Suites.Sum(suite => suite.Cases.Count).Should().Be(11 + 6);
    }

    [Fact]
    public void Marker_text_inside_a_line_of_the_document_does_not_end_the_report()
    {
        // PHPUnit's failure message holds the marker text mid-line; the CDATA section holds it indented.
        var results = new TaskLog().Report("phpunit", "junit", """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="App\Tests\MarkerTest">
                <testcase name="testPrintsMarkers" class="App\Tests\MarkerTest">
                  <failure>App\Tests\MarkerTest::testPrintsMarkers
            Output was: ::slipway:: end tool=phpunit exit=0</failure>
                  <system-out><![CDATA[
             ::slipway:: end tool=phpunit exit=0
            ::slipway:: end tool=phpunit exit=0 and more
            ]]></system-out>
                </testcase>
              </testsuite>
            </testsuites>
            """, exit: 1).Read();

        results.Problems.Should().BeEmpty();
        results.Suites.Single().Cases.Single().Message.Should().Be("Output was: ::slipway:: end tool=phpunit exit=0");
    }

    [Fact]
    public void A_whole_end_marker_line_ends_the_report_even_inside_a_CDATA_section()
    {
        // The documented rule: markers are found by line, never by parsing XML, so a whole marker line
        // always counts. The report is then cut short (unreadable) and the real end has no begin.
        var results = new TaskLog().Report("phpunit", "junit", """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites>
              <testsuite name="App\Tests\MarkerTest">
                <testcase name="testPrintsMarkers" class="App\Tests\MarkerTest">
                  <system-out><![CDATA[
            ::slipway:: end tool=phpunit exit=0
            ]]></system-out>
                </testcase>
              </testsuite>
            </testsuites>
            """, exit: 0).Read();

        results.Problems.Select(problem => problem.Kind).Should().Equal(ResultsProblemKind.Unreadable, ResultsProblemKind.Incomplete);
    }

    [Fact]
    public void Marker_lines_on_stderr_are_not_markers_when_the_platform_tells_streams_apart()
    {
        var results = new TaskLog()
            .Begin("phpunit", "junit").Document(SmallJUnit)
            .Err("::slipway:: end tool=phpunit exit=0")
            .Read();

        results.Problems.Single().Kind.Should().Be(ResultsProblemKind.Incomplete);
    }

    [Fact]
    public void Markers_allow_extra_spaces_unknown_keys_and_a_carriage_return()
    {
        var results = new TaskLog()
            .Out("::slipway:: begin  tool=phpunit   format=junit attempt=2\r")
            .Document(SmallJUnit)
            .Out("::slipway:: end tool=phpunit exit=1 \r")
            .Read();

        results.Problems.Should().BeEmpty();
        results.Tools.Single().ExitCode.Should().Be(1);
    }

    [Fact]
    public void Raw_lines_of_a_long_broken_report_keep_only_its_start_and_its_end()
    {
        var log = new TaskLog().Begin("phpunit", "junit").Out("<?xml version=\"1.0\"?>", "<testsuites>");
        for (var i = 0; i < 1000; i++)
        {
            log.Out($"<testsuite name=\"S{i}\"><testcase name=\"t{i}\"/></testsuite>");
        }

        var reader = new TaskResultsReader("tests", rawLinesKept: 5);
        reader.Feed(log.Lines);
        var raw = reader.Complete().Problems.Single().RawLines;

        raw.Should().HaveCount(11);
        raw[0].Should().Be("<?xml version=\"1.0\"?>");
        raw[5].Should().Be("... 992 lines left out ...");
        raw[^1].Should().Be("<testsuite name=\"S999\"><testcase name=\"t999\"/></testsuite>");
    }

    [Fact]
    public void A_task_that_failed_to_start_is_an_infrastructure_failure()
    {
        var results = TaskLog.ReadPages([], outcome: new TaskOutcome(null, "CannotPullContainerError: image not found"));

        results.Problems.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            Kind = ResultsProblemKind.TaskFailedToStart,
            Message = "task tests failed to start: CannotPullContainerError: image not found",
        });
        TaskResults.FailedToStart("analysis", "no Docker engine").Problems.Single().Message
            .Should().Be("task analysis failed to start: no Docker engine");
    }

    [Fact]
    public void A_runner_that_exits_non_zero_is_an_infrastructure_failure_but_failing_tools_are_not()
    {
        var lines = new TaskLog().Report("phpunit", "junit", SmallJUnit, exit: 1).Lines;

        TaskLog.ReadPages([lines], outcome: new TaskOutcome(0, null)).Problems.Should().BeEmpty();
        TaskLog.ReadPages([lines], outcome: new TaskOutcome(137, "timed out")).Problems.Single().Message
            .Should().Be("task tests ended with exit code 137, so its runner failed: timed out");
    }

    [Fact]
    public void A_task_that_printed_no_report_is_not_a_problem_because_an_app_may_have_no_tests()
    {
        var results = TaskLog.ReadPages([new TaskLog().Err("run-tests: phpunit: no phpunit.xml(.dist) and no tests/ folder, skipped").Lines],
            outcome: new TaskOutcome(0, null));

        results.Problems.Should().BeEmpty();
        results.Tools.Should().BeEmpty();
    }

    [Fact]
    public void Feeding_after_complete_is_refused()
    {
        var reader = new TaskResultsReader("tests");
        reader.Complete();

        reader.Invoking(r => r.Feed([LogLine.Out("x")])).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public async Task ReadAsync_reads_every_page_of_an_asynchronous_log()
    {
        var lines = new TaskLog().Report("phpunit", "junit", SmallJUnit, exit: 1).Lines;

        var results = await new TaskResultsReader("tests").ReadAsync(AsPages(lines), new TaskOutcome(0, null));

        results.Suites.Single().Cases.Should().HaveCount(2);
        results.Problems.Should().BeEmpty();
    }

    private static async IAsyncEnumerable<IReadOnlyList<LogLine>> AsPages(IReadOnlyList<LogLine> lines)
    {
        foreach (var page in lines.Chunk(3))
        {
            await Task.Yield();
            yield return page;
        }
    }
}
