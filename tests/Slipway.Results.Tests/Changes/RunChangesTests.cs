using System.Text.Json;
using Slipway.Results.Changes;
using Slipway.Results.Writers;

namespace Slipway.Results.Tests.Changes;

public sealed class RunChangesTests
{
    private static readonly Finding LongMethod = new("phpmd", FindingSeverity.Warning, "src/Form.php", 40, 5, "ExcessiveMethodLength", "The method build() has 120 lines of code.");
    private static readonly Finding Indent = new("phpcs", FindingSeverity.Error, "src/Form.php", 12, 1, "Generic.WhiteSpace.ScopeIndent", "Line indented incorrectly");

    private static RunReport Report(IEnumerable<Finding> findings, params TestCaseResult[] tests) => RunReport.Combine(
        new TaskResults("analysis", [], [], findings.ToList(), [], []),
        new TaskResults("tests", [], [new TestSuiteResult("phpunit", "FormTest", null, tests)], [], [], []));

    private static TestCaseResult Test(string name, TestOutcome outcome, int line = 10) => new()
    {
        Name = name,
        ClassName = "FormTest",
        Outcome = outcome,
        FailureFile = "tests/FormTest.php",
        FailureLine = line,
        Message = outcome == TestOutcome.Passed ? null : "Failed asserting that false is true.",
    };

    [Fact]
    public void A_finding_moved_by_an_edit_above_it_stays_old_and_an_added_one_is_new()
    {
        var baseRun = Report([LongMethod, Indent], Test("testSave", TestOutcome.Failed));
        var baseline = Baseline.Of(baseRun, "develop", "run-base", "abc");
        var moved = LongMethod with { Line = 52, Message = "The method build() has 121 lines of code." };
        var added = Indent with { Line = 30 };

        var report = Report([moved, Indent, added], Test("testSave", TestOutcome.Failed, 14), Test("testDelete", TestOutcome.Error)).With(baseline, RunFacts.None);

        report.Findings.Where(report.Changes.IsNew).Should().ContainSingle().Which.Should().Be(added);
        report.Failures.Where(report.Changes.IsNew).Select(test => test.Name).Should().Equal("testDelete");
        (report.Changes.NewFindings, report.Changes.OldFindings, report.Changes.NewFailures, report.Changes.OldFailures).Should().Be((1, 2, 1, 1));
        report.Changes.Describe().Should().Be("Compared with develop (run run-base): 1 new finding, 2 already there; 1 new failing test, 1 already failing.");
    }

    [Fact]
    public void Without_a_base_run_everything_is_new_and_the_report_says_why()
    {
        var report = Report([LongMethod], Test("testSave", TestOutcome.Failed)).With(Baseline.Missing("develop"), RunFacts.None);

        report.Findings.Should().OnlyContain(finding => report.Changes.IsNew(finding));
        report.Failures.Should().OnlyContain(test => report.Changes.IsNew(test));
        report.Changes.Describe().Should().Be("develop has no completed run to compare with, so every finding and failing test counts as new.");
    }

    [Fact]
    public void The_same_finding_in_another_file_or_of_another_rule_is_new()
    {
        var baseline = Baseline.Of(Report([Indent]), "develop", "run-base", null);

        var report = Report([Indent with { File = "src/Other.php" }, Indent with { Rule = "Generic.WhiteSpace.DisallowTabIndent" }]).With(baseline, RunFacts.None);

        report.Changes.NewFindings.Should().Be(2);
    }

    [Fact]
    public void Report_json_carries_new_per_finding_and_test_and_the_comparison()
    {
        var baseline = Baseline.Of(Report([LongMethod]), "develop", "run-base", null);
        var report = Report([LongMethod, Indent], Test("testSave", TestOutcome.Failed)).With(baseline, new RunFacts([], null, TimeSpan.FromSeconds(95)));
        var output = new StringWriter();

        new JsonReportWriter().Write(report, output);

        var json = JsonDocument.Parse(output.ToString()).RootElement;
        json.GetProperty("findings").EnumerateArray().Select(finding => $"{finding.GetProperty("rule").GetString()} {finding.GetProperty("new").GetBoolean()}")
            .Should().BeEquivalentTo("Generic.WhiteSpace.ScopeIndent True", "ExcessiveMethodLength False");
        json.GetProperty("failures")[0].GetProperty("new").GetBoolean().Should().BeTrue();
        json.GetProperty("changes").GetProperty("baseBranch").GetString().Should().Be("develop");
        json.GetProperty("changes").GetProperty("oldFindings").GetInt32().Should().Be(1);
        json.GetProperty("timeToUrlSeconds").GetDouble().Should().Be(95);
    }

    [Fact]
    public void The_markdown_report_leads_with_what_is_new_and_only_counts_the_old()
    {
        var baseline = Baseline.Of(Report([LongMethod]), "develop", "run-base", null);
        var report = Report([LongMethod, Indent]).With(baseline, RunFacts.None);
        var output = new StringWriter();

        new MarkdownReportWriter().Write(report, output);

        var text = output.ToString();
        var section = text[text.IndexOf("### New in this change", StringComparison.Ordinal)..text.IndexOf("### Findings", StringComparison.Ordinal)];
        section.Should().Contain("1 new finding, 1 already there").And.Contain("`src/Form.php:12`").And.NotContain("ExcessiveMethodLength");
    }
}
