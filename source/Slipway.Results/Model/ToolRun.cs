namespace Slipway.Results;

/// <summary>One tool's report block in a task's log.</summary>
/// <param name="Tool">The tool named by the markers.</param>
/// <param name="Format">The report format named by the begin marker; null when its beginning is missing.</param>
/// <param name="ExitCode">The tool's exit code from the end marker (non-zero when a test fails or a finding is made); null when it never ended.</param>
/// <param name="Status">Whether the report was read.</param>
public sealed record ToolRun(string Tool, string? Format, int? ExitCode, ToolRunStatus Status);
