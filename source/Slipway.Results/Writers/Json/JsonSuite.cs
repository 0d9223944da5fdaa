namespace Slipway.Results.Writers.Json;

/// <summary>A test suite's counts in the JSON report (its cases are in the JUnit report).</summary>
internal sealed record JsonSuite(string Tool, string Name, string? File, int Tests, int Failed, int Errors, int Skipped, double TimeSeconds)
{
    public static JsonSuite From(TestSuiteResult suite) => new(
        suite.Tool,
        suite.Name,
        suite.File,
        suite.Cases.Count,
        suite.Count(TestOutcome.Failed),
        suite.Count(TestOutcome.Error),
        suite.Count(TestOutcome.Skipped),
        suite.Time.TotalSeconds);
}
