namespace Slipway.Results.Writers.Json;

/// <summary>The top level of the JSON report; see <see cref="JsonReportWriter"/> for the whole shape.</summary>
internal sealed record JsonRunReport(
    int SchemaVersion,
    bool HasInfrastructureFailure,
    bool HasTestFailures,
    JsonTestTotals Tests,
    IReadOnlyList<JsonTestCase> Failures,
    IReadOnlyList<JsonTestCase> SlowestTests,
    IReadOnlyList<FindingCount> FindingCounts,
    IReadOnlyList<JsonFinding> Findings,
    int FindingsOmitted,
    IReadOnlyList<RuleCount> RuleCounts,
    IReadOnlyList<CodeMetrics> Metrics,
    IReadOnlyList<JsonProblem> Problems,
    IReadOnlyList<JsonTask> Tasks,
    bool NoTestsFound,
    IReadOnlyList<TaskNote> Notes,
    JsonChanges Changes,
    IReadOnlyList<History.FlakyTest> FlakyTests,
    RunCosts? Costs,
    double? TimeToUrlSeconds,
    IReadOnlyList<JsonTestRunner> Runners);
