using Slipway.Results.History;

namespace Slipway.Results.Tests.Changes;

public sealed class FlakyTestFinderTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    private static TestHistoryEntry Run(int index, string commit, TestOutcome outcome) => new($"run-{index}", commit, outcome, Start.AddMinutes(index));

    [Fact]
    public void A_test_that_failed_and_passed_on_one_commit_is_flaky_with_its_history_newest_first()
    {
        var history = new Dictionary<string, IReadOnlyList<TestHistoryEntry>>
        {
            ["FormTest::testSave"] = [Run(1, "abc", TestOutcome.Failed), Run(2, "abc", TestOutcome.Passed), Run(3, "abc", TestOutcome.Failed)],
            ["FormTest::testBroken"] = [Run(1, "abc", TestOutcome.Failed), Run(2, "abc", TestOutcome.Error)],
            ["FormTest::testFixed"] = [Run(1, "abc", TestOutcome.Failed), Run(2, "def", TestOutcome.Passed)],
        };

        var flaky = FlakyTestFinder.Find(history);

        flaky.Should().ContainSingle();
        flaky[0].Name.Should().Be("FormTest::testSave");
        flaky[0].Pattern.Should().Be("FPF");
        (flaky[0].Failed, flaky[0].Passed).Should().Be((2, 1));
    }
}
