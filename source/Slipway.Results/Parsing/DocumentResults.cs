namespace Slipway.Results.Parsing;

/// <summary>What one report yields; it joins the task's results only once the whole report has been read.</summary>
internal sealed class DocumentResults
{
    public List<TestSuiteResult> Suites { get; } = [];

    public List<Finding> Findings { get; } = [];

    public List<CodeMetrics> Metrics { get; } = [];

    public List<TaskAttachment> Attachments { get; } = [];
}
