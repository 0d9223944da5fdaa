namespace Slipway.Results.Writers.Json;

/// <summary>One test runner's counts in the JSON report, or why it has none.</summary>
internal sealed record JsonTestRunner(string Name, int Total, int Passed, int Failed, int Errors, int Skipped, string? NoTestsFound, string? CouldNotRun)
{
    public static JsonTestRunner From(TestRunnerResult runner) => new(
        runner.Runner,
        runner.Tests.Total,
        runner.Tests.Passed + runner.Tests.Warnings,
        runner.Tests.Failed,
        runner.Tests.Errors,
        runner.Tests.Skipped,
        runner.NoTestsFound,
        runner.CouldNotRun);
}
