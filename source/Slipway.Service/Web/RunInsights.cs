using System.Globalization;
using System.Text.Json;

namespace Slipway.Service.Web;

/// <summary>
/// What the run page shows of a run's comparison with its base branch, its flaky tests and its cost, read from its
/// report.json (<c>changes</c>, <c>flakyTests</c>, <c>costs</c>, <c>timeToUrlSeconds</c>).
/// </summary>
public sealed record RunInsights(
    string? Changes,
    IReadOnlyList<(string Name, int Failed, int Passed, string Pattern)> FlakyTests,
    IReadOnlyList<(string Stage, string Platform, double TaskSeconds, decimal? EstimatedUsd)> Stages,
    decimal? EstimatedUsd,
    string? Pricing,
    double? TimeToUrlSeconds)
{
    private const int Shown = 20;

    /// <summary>Reads report.json in <paramref name="folder"/>; null when there is none or it says nothing of these.</summary>
    public static RunInsights? Read(string? folder)
    {
        var path = folder is null ? null : Path.Combine(folder, RunReportSummary.FileName);
        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var changes = root.TryGetProperty("changes", out var compared) && compared.TryGetProperty("baseBranch", out var branch)
                && branch.ValueKind == JsonValueKind.String ? Text(compared, "summary") : null;
            var flaky = root.TryGetProperty("flakyTests", out var tests) && tests.ValueKind == JsonValueKind.Array
                ? tests.EnumerateArray().Take(Shown)
                    .Select(test => (Text(test, "name") ?? "", Number(test, "failed"), Number(test, "passed"), Text(test, "pattern") ?? ""))
                    .ToList()
                : [];
            var costs = root.TryGetProperty("costs", out var cost) && cost.ValueKind == JsonValueKind.Object ? cost : (JsonElement?)null;
            var stages = costs?.GetProperty("stages").EnumerateArray()
                .Select(stage => (Text(stage, "stage") ?? "", Text(stage, "platform") ?? "", stage.GetProperty("taskSeconds").GetDouble(), Money(stage, "estimatedUsd")))
                .ToList() ?? [];
            var toUrl = root.TryGetProperty("timeToUrlSeconds", out var seconds) && seconds.ValueKind == JsonValueKind.Number ? seconds.GetDouble() : (double?)null;
            return changes is null && flaky.Count == 0 && costs is null && toUrl is null
                ? null
                : new RunInsights(changes, flaky, stages, costs is { } c ? Money(c, "estimatedUsd") : null, costs is { } p ? Text(p, "pricing") : null, toUrl);
        }
        catch (Exception exception) when (exception is IOException or JsonException or KeyNotFoundException or InvalidOperationException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>"$0.0123".</summary>
    public static string Usd(decimal amount) => "$" + amount.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.TryGetInt32(out var number) ? number : 0;

    private static decimal? Money(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
