namespace Slipway.Results.Writers.Json;

/// <summary>
/// A test case in the JSON report, time in seconds; details only for failures; new and flaky only ever true for failures;
/// the runner (phpunit, behat or a name from <c>tests.runners</c>) that reported it.
/// </summary>
internal sealed record JsonTestCase(
    TestOutcome Outcome,
    string Name,
    string ClassName,
    string? File,
    int? Line,
    string? Location,
    double TimeSeconds,
    string? Message,
    string? FailureType,
    string? Details,
    bool New,
    bool Flaky,
    string? Runner)
{
    public static JsonTestCase From(TestCaseResult test, bool withDetails, bool isNew = false, bool flaky = false) => new(
        test.Outcome,
        test.Name,
        test.ClassName,
        test.File,
        test.Line,
        test.Location,
        test.Time.TotalSeconds,
        test.Message,
        test.FailureType,
        withDetails ? test.Details : null,
        isNew,
        flaky,
        test.Tool.Length == 0 ? null : test.Tool);
}
