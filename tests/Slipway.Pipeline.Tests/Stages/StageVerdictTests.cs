using Slipway.Pipeline.Stages;
using Slipway.Results;

namespace Slipway.Pipeline.Tests.Stages;

public sealed class StageVerdictTests
{
    [Fact]
    public void ForTests_AnyFailingTest_IsRedWithTheCounts()
    {
        var verdict = StageVerdict.ForTests(Tests(passed: 13, failed: 15));

        verdict.Should().Be(new StageVerdict(false, "13 passed, 15 failed"));
    }

    [Fact]
    public void ForTests_AnErroringTest_IsRedToo()
    {
        var verdict = StageVerdict.ForTests(Tests(passed: 4, errors: 1, skipped: 2));

        verdict.Should().Be(new StageVerdict(false, "4 passed, 0 failed, 1 error, 2 skipped"));
    }

    [Fact]
    public void ForTests_OnlyPassedAndSkipped_IsGreen()
    {
        StageVerdict.ForTests(Tests(passed: 28, skipped: 3)).Should().Be(new StageVerdict(true, "28 passed, 0 failed, 3 skipped"));
    }

    [Fact]
    public void ForTests_ARunnerThatFoundNothingBesideOthers_IsNamedAfterTheSummedCounts()
    {
        var report = RunReport.Combine(Tests(passed: 13).Tasks[0] with
        {
            Notes = [new TaskNote("tests", "features", "no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app")],
        });

        StageVerdict.ForTests(report).Should().Be(new StageVerdict(
            true, "13 passed, 0 failed; features: no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app"));
    }

    [Fact]
    public void ForTests_SeveralRunnersThatAllFoundNothing_AreEachNamedWithTheirReason()
    {
        var report = RunReport.Combine(new TaskResults("tests", [], [], [], [], [])
        {
            Notes =
            [
                new TaskNote("tests", "unit", "no tests found: phpunit ran phpunit.xml and found no test cases"),
                new TaskNote("tests", "features", "no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app"),
            ],
            ToolNames = ["unit", "features"],
        });

        StageVerdict.ForTests(report).Should().Be(new StageVerdict(
            true,
            "unit: no tests found: phpunit ran phpunit.xml and found no test cases; "
            + "features: no tests found: behat.yml, named by tests.runners[features].behat in .slipway.yml, is not in the app"));
    }

    [Fact]
    public void ForAnalysis_ByDefault_CodingStandardErrorsStayGreenAndASyntaxErrorIsRed()
    {
        var legacy = Analysis(Finding("phpcs", FindingSeverity.Error), Finding("phpmd", FindingSeverity.Error), Finding("phpcs", FindingSeverity.Warning));
        var broken = Analysis(Finding("phpcs", FindingSeverity.Error), Finding(StageVerdict.SyntaxTool, FindingSeverity.Error));

        StageVerdict.ForAnalysis(legacy, AnalysisFailsOn.Syntax).Should().Be(new StageVerdict(true, "3 findings from phpcs, phpmd, phplint"));
        StageVerdict.ForAnalysis(broken, AnalysisFailsOn.Syntax)
            .Should().Be(new StageVerdict(false, "1 syntax error; 2 findings from phpcs, phpmd, phplint"));
    }

    [Theory]
    [InlineData(AnalysisFailsOn.Never, true)]
    [InlineData(AnalysisFailsOn.Syntax, true)]
    [InlineData(AnalysisFailsOn.Error, false)]
    [InlineData(AnalysisFailsOn.Warning, false)]
    public void ForAnalysis_AnErrorSeverityFinding_IsRedFromTheErrorRuleOn(AnalysisFailsOn rule, bool passed)
    {
        StageVerdict.ForAnalysis(Analysis(Finding("phpcs", FindingSeverity.Error)), rule).Passed.Should().Be(passed);
    }

    [Theory]
    [InlineData(AnalysisFailsOn.Error, true)]
    [InlineData(AnalysisFailsOn.Warning, false)]
    public void ForAnalysis_AWarning_IsRedOnlyUnderTheWarningRule(AnalysisFailsOn rule, bool passed)
    {
        StageVerdict.ForAnalysis(Analysis(Finding("phpmd", FindingSeverity.Warning), Finding("phpcs", FindingSeverity.Notice)), rule)
            .Passed.Should().Be(passed);
    }

    private static RunReport Tests(int passed = 0, int failed = 0, int errors = 0, int skipped = 0)
    {
        var cases = Enumerable.Repeat(TestOutcome.Passed, passed)
            .Concat(Enumerable.Repeat(TestOutcome.Failed, failed))
            .Concat(Enumerable.Repeat(TestOutcome.Error, errors))
            .Concat(Enumerable.Repeat(TestOutcome.Skipped, skipped))
            .Select((outcome, index) => new TestCaseResult { Name = $"test{index}", ClassName = "AppTest", Outcome = outcome })
            .ToList();
        return RunReport.Combine(new TaskResults(
            "tests", [new ToolRun("phpunit", "junit", 0, ToolRunStatus.Read)], [new TestSuiteResult("phpunit", "AppTest", null, cases)], [], [], []));
    }

    private static RunReport Analysis(params Finding[] findings) => RunReport.Combine(new TaskResults(
        "analysis",
        new[] { "phpcs", "phpmd", "phplint" }.Select(tool => new ToolRun(tool, "checkstyle", 0, ToolRunStatus.Read)).ToList(),
        [],
        findings,
        [],
        []));

    private static Finding Finding(string tool, FindingSeverity severity) =>
        new(tool, severity, "src/Thing.php", 10, null, "Some.Rule", "Something is off.");
}
