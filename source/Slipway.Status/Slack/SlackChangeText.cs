namespace Slipway.Status.Slack;

/// <summary>The Slack lines about what a pull request changed and what its run cost.</summary>
internal static class SlackChangeText
{
    /// <summary>"*New* 1 failing test (3 old), 2 findings (40 old) against develop", or why everything is new; null before the report.</summary>
    public static string? Changes(RunStatus status)
    {
        if (status.Changes is not { } changes || (status.FailingTests.Count == 0 && status.Findings.Count == 0))
        {
            return null;
        }

        if (!changes.BaseFound)
        {
            return $"*New* {SlackText.Escape(changes.Summary)}";
        }

        return $"*New* {Count(changes.NewFailures, "failing test")} ({changes.OldFailures} old), " +
               $"{Count(changes.NewFindings, "finding")} ({changes.OldFindings} old)";
    }

    /// <summary>"*Cost* task time 3 m 10 s, about $0.0123; ..." once measured.</summary>
    public static string? Cost(RunStatus status) =>
        status.CostSummary is { } cost ? $"*Cost* {SlackText.Escape(cost)}" : null;

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
