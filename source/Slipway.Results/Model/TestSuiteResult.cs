namespace Slipway.Results;

/// <summary>
/// A group of test cases: a PHPUnit test class (or one data provider's data sets) or a Behat
/// feature. Nested suites are flattened: each suite that holds test cases itself is one of these.
/// </summary>
/// <param name="Tool">The tool that reported it (phpunit, behat).</param>
/// <param name="Name">The suite's name: the class, the <c>Class::method</c> of a data provider, or the feature title.</param>
/// <param name="File">The file of the suite, relative to the app root, when the report says.</param>
/// <param name="Cases">Its test cases in report order.</param>
public sealed record TestSuiteResult(string Tool, string Name, string? File, IReadOnlyList<TestCaseResult> Cases)
{
    /// <summary>The time of its cases together.</summary>
    public TimeSpan Time => TimeSpan.FromTicks(Cases.Sum(testCase => testCase.Time.Ticks));

    /// <summary>How many of its cases ended with <paramref name="outcome"/>.</summary>
    public int Count(TestOutcome outcome) => Cases.Count(testCase => testCase.Outcome == outcome);
}
