using Slipway.Pipeline.Stages;
using Slipway.Results;
using Slipway.Results.Changes;

namespace Slipway.Pipeline.Tests.Stages;

public sealed class NewFindingsVerdictTests
{
    private static readonly Finding Old = new("phpcs", FindingSeverity.Error, "src/Old.php", 3, 1, "Generic.Files.LineLength", "Line exceeds 120 characters");
    private static readonly Finding Added = new("phpmd", FindingSeverity.Warning, "src/New.php", 8, 1, "UnusedLocalVariable", "Avoid unused local variables such as '$x'.");

    private static RunChanges Compare(Baseline baseline, params Finding[] findings) =>
        RunChanges.Compare(RunReport.Combine(new TaskResults("analysis", [], [], findings, [], [])), baseline);

    [Fact]
    public void More_new_findings_than_allowed_turn_the_analysis_red_and_say_so()
    {
        var baseline = Baseline.Of(RunReport.Combine(new TaskResults("analysis", [], [], [Old], [], [])), "develop", "r1", null);

        var verdict = NewFindingsVerdict.Apply(new StageVerdict(true, "2 findings from phpcs, phpmd"), Compare(baseline, Old, Added), limit: 0);

        verdict.Passed.Should().BeFalse();
        verdict.Summary.Should().Be("1 new finding, more than the 0 allowed; 2 findings from phpcs, phpmd (1 new against develop)");
    }

    [Fact]
    public void Old_findings_never_turn_the_analysis_red_however_many_there_are()
    {
        var many = Enumerable.Range(1, 30).Select(line => Old with { Line = line }).ToArray();
        var baseline = Baseline.Of(RunReport.Combine(new TaskResults("analysis", [], [], many, [], [])), "develop", "r1", null);

        var verdict = NewFindingsVerdict.Apply(new StageVerdict(true, "30 findings from phpcs"), Compare(baseline, many), limit: 0);

        verdict.Passed.Should().BeTrue();
    }

    [Fact]
    public void Without_a_limit_the_verdict_only_gains_the_count_of_new_findings()
    {
        var verdict = NewFindingsVerdict.Apply(new StageVerdict(true, "1 finding from phpmd"), Compare(Baseline.Missing("develop"), Added), limit: null);

        verdict.Should().Be(new StageVerdict(true, "1 finding from phpmd"));
    }
}
