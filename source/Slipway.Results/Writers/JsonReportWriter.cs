using System.Text.Json;
using System.Text.Json.Serialization;
using Slipway.Results.Writers.Json;

namespace Slipway.Results.Writers;

/// <summary>
/// Writes the report as JSON (camelCase, enums as camelCase strings, every property always present,
/// null when unknown). The shape is stable; <c>schemaVersion</c> changes when it does not stay compatible:
/// <code>
/// {
///   "schemaVersion": 1,
///   "hasInfrastructureFailure": false,
///   "hasTestFailures": true,
///   "tests": { "total", "passed", "failed", "errors", "skipped", "warnings", "timeSeconds" },
///   "failures":     [ { "outcome": "failed|error|warning", "name", "className", "file", "line", "location",
///                       "timeSeconds", "message", "failureType", "details" } ],
///   "slowestTests": [ { same shape, "details": null } ],
///   "findingCounts": [ { "tool", "severity": "error|warning|notice", "count" } ],
///   "findings": [ { "tool", "severity", "file", "line", "column", "rule", "message", "location" } ],
///   "metrics":  [ { "tool", "linesOfCode", "logicalLinesOfCode", "classes", "methods" } ],
///   "problems": [ { "task", "tool", "kind": "incomplete|unreadable|taskFailedToStart|taskFailed|platformFailed|cleanupFailed|stageFailed",
///                   "message", "rawLines": [ "..." ] } ],
///   "tasks": [ { "name", "tools": [ { "tool", "format", "exitCode", "status": "read|incomplete|unreadable" } ],
///                "suites": [ { "tool", "name", "file", "tests", "failed", "errors", "skipped", "timeSeconds" } ] } ]
/// }
/// </code>
/// File paths are relative to the app root; <c>location</c> is <c>file:line</c>.
/// </summary>
public sealed class JsonReportWriter : IRunReportWriter
{
    /// <summary>The version of the shape above.</summary>
    public const int SchemaVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Writes UTF-8 JSON to a stream.</summary>
    public void Write(RunReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        JsonSerializer.Serialize(output, Shape(report), Options);
    }

    /// <inheritdoc />
    public void Write(RunReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(JsonSerializer.Serialize(Shape(report), Options));
        output.WriteLine();
    }

    private static JsonRunReport Shape(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new JsonRunReport(
            SchemaVersion,
            report.HasInfrastructureFailure,
            report.HasTestFailures,
            JsonTestTotals.From(report.Tests),
            report.Failures.Select(test => JsonTestCase.From(test, withDetails: true)).ToArray(),
            report.SlowestTests.Select(test => JsonTestCase.From(test, withDetails: false)).ToArray(),
            report.FindingCounts,
            report.Findings,
            report.Metrics,
            report.Problems.Select(JsonProblem.From).ToArray(),
            report.Tasks.Select(JsonTask.From).ToArray());
    }
}
