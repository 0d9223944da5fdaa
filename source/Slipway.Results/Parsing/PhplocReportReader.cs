using System.Text.Json;

namespace Slipway.Results.Parsing;

/// <summary>Reads the few figures Slipway reports from <c>phploc --log-json</c>: loc, lloc, classes and methods.</summary>
internal static class PhplocReportReader
{
    public static void Read(string json, ReportContext context)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ReportFormatException("expected a JSON object of phploc figures");
            }

            var root = document.RootElement;
            context.Results.Metrics.Add(new CodeMetrics(
                context.Tool,
                Number(root, "loc"),
                Number(root, "lloc"),
                Number(root, "classes"),
                Number(root, "methods")));
        }
        catch (JsonException exception)
        {
            throw new ReportFormatException(exception.Message);
        }
    }

    private static long? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number)
            ? (long)number
            : null;
}
