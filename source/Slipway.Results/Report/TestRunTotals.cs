namespace Slipway.Results;

/// <summary>How the tests of a run ended, counted over every test case of every task.</summary>
/// <param name="Total">All test cases.</param>
/// <param name="Passed">Cases that passed (warnings not included).</param>
/// <param name="Failed">Cases whose assertions did not hold.</param>
/// <param name="Errors">Cases that broke.</param>
/// <param name="Skipped">Cases skipped or incomplete.</param>
/// <param name="Warnings">Cases that passed with a warning.</param>
/// <param name="Time">The time of all cases together.</param>
public sealed record TestRunTotals(int Total, int Passed, int Failed, int Errors, int Skipped, int Warnings, TimeSpan Time)
{
    /// <summary>Counts the cases of the given suites.</summary>
    public static TestRunTotals Count(IEnumerable<TestSuiteResult> suites)
    {
        int total = 0, passed = 0, failed = 0, errors = 0, skipped = 0, warnings = 0;
        long ticks = 0;
        foreach (var testCase in suites.SelectMany(suite => suite.Cases))
        {
            total++;
            ticks += testCase.Time.Ticks;
            switch (testCase.Outcome)
            {
                case TestOutcome.Passed: passed++; break;
                case TestOutcome.Failed: failed++; break;
                case TestOutcome.Error: errors++; break;
                case TestOutcome.Skipped: skipped++; break;
                case TestOutcome.Warning: warnings++; break;
            }
        }

        return new TestRunTotals(total, passed, failed, errors, skipped, warnings, TimeSpan.FromTicks(ticks));
    }
}
