namespace Slipway.Results.Writers.Json;

/// <summary>Test totals in the JSON report, time in seconds.</summary>
internal sealed record JsonTestTotals(int Total, int Passed, int Failed, int Errors, int Skipped, int Warnings, double TimeSeconds)
{
    public static JsonTestTotals From(TestRunTotals totals) =>
        new(totals.Total, totals.Passed, totals.Failed, totals.Errors, totals.Skipped, totals.Warnings, totals.Time.TotalSeconds);
}
