using Slipway.Results.Tests.Fixtures;

namespace Slipway.Results.Tests.Report;

public sealed class RunReportTests
{
    [Fact]
    public void Combine_counts_the_tests_of_every_task()
    {
        var report = RunReport.Combine(SampleRun.Tests(), SampleRun.Analysis());

        report.Tests.Should().BeEquivalentTo(new { Total = 17, Passed = 5, Failed = 3, Errors = 5, Skipped = 3, Warnings = 1 });
        report.Tests.Time.Should().Be(report.Suites.SelectMany(suite => suite.Cases).Aggregate(TimeSpan.Zero, (sum, test) => sum + test.Time));
        report.HasTestFailures.Should().BeTrue();
        report.HasInfrastructureFailure.Should().BeFalse();
    }

    [Fact]
    public void Failures_list_failed_and_errored_tests_first_then_warnings()
    {
        var report = RunReport.Combine(SampleRun.Tests());

        report.Failures.Should().HaveCount(9);
        report.Failures.Take(8).Should().OnlyContain(test => test.Outcome == TestOutcome.Failed || test.Outcome == TestOutcome.Error);
        report.Failures[^1].Name.Should().Be("testAddWarning");
    }

    [Fact]
    public void The_ten_slowest_tests_come_slowest_first()
    {
        var report = RunReport.Combine(SampleRun.Tests());

        report.SlowestTests.Should().HaveCount(10);
        report.SlowestTests[0].Name.Should().Be("An editor logs in with a valid password");
        report.SlowestTests.Select(test => test.Time).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Findings_come_most_severe_first_and_are_counted_by_tool_and_severity()
    {
        var report = RunReport.Combine(SampleRun.Analysis());

        report.Findings.Should().HaveCount(52);
        report.Findings.Select(finding => finding.Severity).Should().BeInAscendingOrder();
        report.FindingCounts.Should().Equal(
            new FindingCount("phpcpd", FindingSeverity.Warning, 1),
            new FindingCount("phpcs", FindingSeverity.Error, 42),
            new FindingCount("phpcs", FindingSeverity.Warning, 3),
            new FindingCount("phpmd", FindingSeverity.Error, 2),
            new FindingCount("phpmd", FindingSeverity.Warning, 4));
        report.CountFindings(FindingSeverity.Warning).Should().Be(8);
        report.Metrics.Should().ContainSingle();
        report.HasTestFailures.Should().BeFalse();
    }

    [Fact]
    public void A_killed_task_is_an_infrastructure_failure_not_a_test_failure()
    {
        var report = RunReport.Combine(SampleRun.Killed());

        report.HasInfrastructureFailure.Should().BeTrue();
        report.HasTestFailures.Should().BeFalse();
        report.Problems.Single().Task.Should().Be("tests-2");
    }

    [Fact]
    public void Combining_nothing_gives_an_empty_report()
    {
        var report = RunReport.Combine();

        report.Tests.Total.Should().Be(0);
        report.HasInfrastructureFailure.Should().BeFalse();
        report.HasTestFailures.Should().BeFalse();
    }
}
