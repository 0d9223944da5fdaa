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
///                       "timeSeconds", "message", "failureType", "details", "new", "flaky", "runner" } ],
///   "slowestTests": [ { same shape, "details": null } ],
///   "findingCounts": [ { "tool", "severity": "error|warning|notice", "count" } ],
///   "findings": [ { "tool", "severity", "file", "line", "column", "rule", "message", "location", "new" } ],
///               (bounded: the first 20 of each rule, 2000 at most; "findingsOmitted" counts the rest)
///   "findingsOmitted": 0,
///   "ruleCounts": [ { "tool", "rule", "severity", "count", "files" } ],
///   "metrics":  [ { "tool", "linesOfCode", "logicalLinesOfCode", "classes", "methods" } ],
///   "problems": [ { "task", "tool", "kind": "incomplete|unreadable|taskFailedToStart|taskFailed|platformFailed|cleanupFailed|stageFailed",
///                   "message", "rawLines": [ "..." ] } ],
///   "tasks": [ { "name", "tools": [ { "tool", "format", "exitCode", "status": "read|incomplete|unreadable" } ],
///                "suites": [ { "tool", "name", "file", "tests", "failed", "errors", "skipped", "timeSeconds" } ] } ],
///   "noTestsFound": false,
///   "notes": [ { "task", "tool", "text" } ],
///   "changes": { "baseBranch", "baseRunId", "baseFound", "newFindings", "oldFindings", "newFailures", "oldFailures", "summary" },
///   "flakyTests": [ { "name", "failed", "passed", "pattern", "history": [ { "runId", "commit", "outcome", "at" } ] } ],
///   "costs": { "stages": [ { "stage", "platform", "taskSeconds", "vcpu", "memoryGb", "estimatedUsd" } ],
///              "playgroundSeconds", "estimatedUsd", "pricing", "taskSeconds" } or null,
///   "timeToUrlSeconds": null,
///   "runners": [ { "name", "total", "passed", "failed", "errors", "skipped", "noTestsFound", "couldNotRun" } ]
/// }
/// "new" is true when the base branch's latest completed run did not have the finding or the failure (always
/// true without a base run: "changes" says which).
/// </code>
/// File paths are relative to the app root; <c>location</c> is <c>file:line</c>.
/// </summary>
public sealed class JsonReportWriter : IRunReportWriter
{
    /// <summary>How many findings of one rule <c>findings</c> lists.</summary>
    public const int MaxFindingsPerRule = 20;

    /// <summary>How many findings <c>findings</c> lists at most.</summary>
    public const int MaxFindings = 2000;

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
        // Bounded so that a site with a hundred thousand findings still gives a file people and tools can open:
        // every rule keeps its first findings, ruleCounts has the counts of all.
        var listed = report.Findings
            .GroupBy(finding => (finding.Tool, finding.Rule))
            .SelectMany(rule => rule.Take(MaxFindingsPerRule))
            .ToHashSet(ReferenceEqualityComparer.Instance);
        var kept = report.Findings.Where(listed.Contains).Take(MaxFindings).ToArray();
        return Build(report, kept);
    }

    private static JsonRunReport Build(RunReport report, IReadOnlyList<Finding> listed)
    {
        var flaky = report.Facts.FlakyTests.Select(test => test.Name).ToHashSet(StringComparer.Ordinal);
        return new JsonRunReport(
            SchemaVersion,
            report.HasInfrastructureFailure,
            report.HasTestFailures,
            JsonTestTotals.From(report.Tests),
            report.Failures.Select(test => JsonTestCase.From(test, withDetails: true, report.Changes.IsNew(test), flaky.Contains(test.FullName))).ToArray(),
            report.SlowestTests.Select(test => JsonTestCase.From(test, withDetails: false)).ToArray(),
            report.FindingCounts,
            listed.Select(finding => JsonFinding.From(finding, report.Changes.IsNew(finding))).ToArray(),
            report.Findings.Count - listed.Count,
            report.RuleCounts,
            report.Metrics,
            report.Problems.Select(JsonProblem.From).ToArray(),
            report.Tasks.Select(JsonTask.From).ToArray(),
            report.NoTestsFound,
            report.Notes,
            JsonChanges.From(report.Changes),
            report.Facts.FlakyTests,
            report.Facts.Costs,
            report.Facts.TimeToUrl?.TotalSeconds,
            report.Runners.Select(JsonTestRunner.From).ToArray());
    }
}
