namespace Slipway.Status.Summary;

/// <summary>The run summary as plain text lines, for the console.</summary>
internal static class RunSummaryText
{
    public static IEnumerable<string> Lines(RunSummary summary)
    {
        var status = summary.Status;
        yield return $"{status.App} {status.Pipeline} on {status.Branch}: {summary.OutcomeText}";
        yield return $"  Commit: {summary.ShortSha}";
        if (status.PullRequestUrl is not null)
        {
            yield return $"  Pull request: {status.PullRequestUrl}";
        }

        if (status.Version is not null)
        {
            yield return $"  Version: {status.Version}";
        }

        var width = status.Stages.Count == 0 ? 0 : status.Stages.Max(stage => stage.Name.Length);
        foreach (var stage in status.Stages)
        {
            var summaryText = string.IsNullOrWhiteSpace(stage.Summary) ? "" : $" - {stage.Summary}";
            yield return $"  {stage.Name.PadRight(width)}  {StageStateText.Word(stage.State)}{summaryText}";
        }

        if (status.PlaygroundUrl is not null)
        {
            yield return $"  Playground: {status.PlaygroundUrl}";
        }

        if (summary.TestTotalsText is { } tests)
        {
            yield return $"  Tests: {tests}";
        }

        if (summary.FindingTotalsText is { } findings)
        {
            yield return $"  Findings: {findings}";
        }

        if (summary.DurationText is { } duration)
        {
            yield return $"  Took {duration}.";
        }

        foreach (var line in FailureLines("Failing tests", summary.FailingTests, status.FailingTests.Count))
        {
            yield return line;
        }

        foreach (var line in FailureLines("Findings", summary.Findings, status.Findings.Count))
        {
            yield return line;
        }
    }

    private static IEnumerable<string> FailureLines(string heading, ShortList<FailureItem> list, int total)
    {
        if (total == 0)
        {
            yield break;
        }

        yield return $"  {heading} ({total}):";
        foreach (var item in list.Shown)
        {
            yield return $"    - {RunSummary.Describe(item)}";
        }

        if (list.More > 0)
        {
            yield return $"    +{list.More} more";
        }
    }
}
