namespace Slipway.Results.Writers.Json;

/// <summary>A finding in the JSON report, with whether the base branch's latest run had it.</summary>
internal sealed record JsonFinding(
    string Tool,
    FindingSeverity Severity,
    string File,
    int? Line,
    int? Column,
    string Rule,
    string Message,
    string Location,
    bool New)
{
    public static JsonFinding From(Finding finding, bool isNew) => new(
        finding.Tool, finding.Severity, finding.File, finding.Line, finding.Column, finding.Rule, finding.Message, finding.Location, isNew);
}
