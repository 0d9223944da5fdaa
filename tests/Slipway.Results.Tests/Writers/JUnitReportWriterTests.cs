using System.Text;
using System.Xml.Linq;
using Slipway.Results.Tests.Fixtures;
using Slipway.Results.Writers;

namespace Slipway.Results.Tests.Writers;

public sealed class JUnitReportWriterTests
{
    private static string Write(RunReport report)
    {
        using var output = new MemoryStream();
        new JUnitReportWriter().Write(report, output);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Fact]
    public void All_suites_of_the_run_are_under_one_testsuites_with_the_runs_counts()
    {
        var xml = XDocument.Parse(Write(RunReport.Combine(SampleRun.Tests(), SampleRun.Analysis())));

        var root = xml.Root!;
        root.Name.LocalName.Should().Be("testsuites");
        root.Elements("testsuite").Select(suite => (string?)suite.Attribute("name")).Should().Equal(
            "App\\Tests\\CalculatorTest", "App\\Tests\\CalculatorTest::testPairs", "App\\Tests\\WarnTest",
            "App\\Tests\\WarnTest::testBadProvider", "Log in to the site", "Publish an article");
        ((int?)root.Attribute("tests")).Should().Be(17);
        ((int?)root.Attribute("failures")).Should().Be(3);
        ((int?)root.Attribute("errors")).Should().Be(5);
        ((int?)root.Attribute("skipped")).Should().Be(3);
    }

    [Fact]
    public void A_failed_case_keeps_its_message_type_details_file_and_line()
    {
        var xml = XDocument.Parse(Write(RunReport.Combine(SampleRun.Tests())));

        var failed = xml.Descendants("testcase").Single(test => (string?)test.Attribute("name") == "testAddFails");
        ((string?)failed.Attribute("classname")).Should().Be("App\\Tests\\CalculatorTest");
        ((string?)failed.Attribute("file")).Should().Be("tests/CalculatorTest.php");
        ((int?)failed.Attribute("line")).Should().Be(16);
        var failure = failed.Element("failure")!;
        ((string?)failure.Attribute("message")).Should().Be("sum is wrong <&> ]]> ::slipway:: end tool=phpunit exit=0");
        ((string?)failure.Attribute("type")).Should().Be("PHPUnit\\Framework\\ExpectationFailedException");
        failure.Value.Should().Contain("Failed asserting that 3 is identical to 4.");
    }

    [Fact]
    public void Problems_become_errored_cases_of_a_slipway_suite_so_a_broken_run_is_not_green()
    {
        var xml = XDocument.Parse(Write(RunReport.Combine(SampleRun.Killed())));

        var suite = xml.Root!.Elements("testsuite").Single();
        ((string?)suite.Attribute("name")).Should().Be(JUnitReportWriter.ProblemSuiteName);
        var error = suite.Element("testcase")!.Element("error")!;
        ((string?)error.Attribute("message")).Should().StartWith("results incomplete: phpunit started");
        ((int?)xml.Root!.Attribute("errors")).Should().Be(1);
    }

    [Fact]
    public void The_merged_file_reads_back_as_the_same_tests()
    {
        var original = RunReport.Combine(SampleRun.Tests());

        var readBack = RunReport.Combine(new TaskLog().Report("merged", "junit", Write(original)).Read());

        readBack.Tests.Should().Be(original.Tests);
        readBack.Failures.Select(test => (test.FullName, test.Outcome, test.Message)).Should()
            .Equal(original.Failures.Select(test => (test.FullName, test.Outcome, test.Message)));
    }

    [Fact]
    public void Characters_xml_cannot_carry_are_replaced()
    {
        var coloured = new TaskLog().Begin("phpunit", "junit").Out("\u001b[31mFatal error\u001b[0m").Read();

        var text = Write(RunReport.Combine(coloured));

        XDocument.Parse(text).Descendants("error").Single().Value.Should().Be("\uFFFD[31mFatal error\uFFFD[0m");
    }
}
