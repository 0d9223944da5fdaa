using System.Text.Json;

namespace Slipway.Service.Web;

/// <summary>What the run page shows of a run's report (report.json in the run folder): test totals, failing tests, findings.</summary>
public sealed record RunReportSummary(
    int Total,
    int Passed,
    int Failed,
    int Errors,
    int Skipped,
    IReadOnlyList<(string Name, string? Location, string? Message)> Failures,
    IReadOnlyList<(string Tool, string Severity, string Rule, string? Location, string? Message)> Findings,
    int FindingCount)
{
    public const string FileName = "report.json";
    private const int Shown = 20;

    /// <summary>Reads the report in <paramref name="folder"/>; null when there is none or it cannot be read.</summary>
    public static RunReportSummary? Read(string? folder)
    {
        var path = folder is null ? null : Path.Combine(folder, FileName);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var tests = root.GetProperty("tests");
            var failures = root.GetProperty("failures").EnumerateArray().Take(Shown)
                .Select(failure => (Text(failure, "name") ?? "", Text(failure, "location"), FirstLine(Text(failure, "message"))))
                .ToList();
            var allFindings = root.GetProperty("findings");
            var findings = allFindings.EnumerateArray().Take(Shown)
                .Select(finding => (Text(finding, "tool") ?? "", Text(finding, "severity") ?? "", Text(finding, "rule") ?? "", Text(finding, "location"), FirstLine(Text(finding, "message"))))
                .ToList();
            return new RunReportSummary(
                Number(tests, "total"), Number(tests, "passed"), Number(tests, "failed"), Number(tests, "errors"), Number(tests, "skipped"),
                failures, findings, allFindings.GetArrayLength());
        }
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

    private static string? FirstLine(string? text) => text?.Split('\n', 2)[0].Trim();
}
