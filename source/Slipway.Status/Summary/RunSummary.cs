namespace Slipway.Status.Summary;

/// <summary>The facts every reporter shows, worked out once from a snapshot so that Slack and the console agree.</summary>
internal sealed class RunSummary(RunStatus status)
{
    /// <summary>How many failing tests and findings a summary lists before "+N more".</summary>
    public const int FailureLimit = 10;

    public RunStatus Status { get; } = status;

    public string ShortSha => Status.CommitSha.Length > 7 ? Status.CommitSha[..7] : Status.CommitSha;

    public RunState Outcome
    {
        get
        {
            if (Status.Superseded)
            {
                return RunState.Superseded;
            }

            if (Status.Stages.Any(stage => stage.State == StageState.Failed))
            {
                return RunState.Failed;
            }

            if (Status.Stages.Any(stage => stage.State == StageState.Cancelled))
            {
                return RunState.Cancelled;
            }

            return Status.FinishedAt is null ? RunState.Running : RunState.Succeeded;
        }
    }

    public bool HasFailures => Status.FailingTests.Count > 0 || Status.Findings.Count > 0;

    /// <summary>
    /// How the run stands in words. A failed run names the stages that failed ("test failed", "test and
    /// analysis failed"), so that "the tests are red" and "the build broke" read differently everywhere.
    /// </summary>
    public string OutcomeText
    {
        get
        {
            var failed = Status.Stages.Where(stage => stage.State == StageState.Failed).Select(stage => stage.Name).ToList();
            return Outcome == RunState.Failed && failed.Count > 0
                ? failed.Count == 1 ? $"{failed[0]} failed" : $"{string.Join(", ", failed[..^1])} and {failed[^1]} failed"
                : StageStateText.Word(Outcome);
        }
    }

    /// <summary>"drupal-site PullRequest on feature/x (abc1234): test failed", the one-line form.</summary>
    public string Headline =>
        $"{Status.App} {Status.Pipeline} on {Status.Branch} ({ShortSha}): {OutcomeText}";

    /// <summary>"118 passed, 3 failed, 0 errors, 2 skipped", or null before tests ran.</summary>
    public string? TestTotalsText => Status.TestTotals is { } totals
        ? $"{totals.Passed} passed, {totals.Failed} failed, {Count(totals.Errors, "error")}, {totals.Skipped} skipped"
        : null;

    /// <summary>"2 errors, 5 warnings, 1 notice", or null before analysis ran.</summary>
    public string? FindingTotalsText => Status.FindingTotals is { } totals
        ? $"{Count(totals.Errors, "error")}, {Count(totals.Warnings, "warning")}, {Count(totals.Notices, "notice")}"
        : null;

    /// <summary>"1h 2m", "4m 12s" or "35s" from start to finish, or null while the run goes on.</summary>
    public string? DurationText
    {
        get
        {
            if (Status.FinishedAt is not { } finishedAt)
            {
                return null;
            }

            var duration = finishedAt - Status.StartedAt;
            if (duration < TimeSpan.Zero)
            {
                duration = TimeSpan.Zero;
            }

            return duration.TotalHours >= 1
                ? $"{(int)duration.TotalHours}h {duration.Minutes}m"
                : duration.TotalMinutes >= 1 ? $"{duration.Minutes}m {duration.Seconds}s" : $"{duration.Seconds}s";
        }
    }

    public ShortList<FailureItem> FailingTests => ShortList<FailureItem>.Of(Status.FailingTests, FailureLimit);

    public ShortList<FailureItem> Findings => ShortList<FailureItem>.Of(Status.Findings, FailureLimit);

    /// <summary>"Title (file:line): first line of the message", shortened to stay readable.</summary>
    public static string Describe(FailureItem item)
    {
        var text = item.Title;
        if (!string.IsNullOrWhiteSpace(item.Location))
        {
            text += $" ({item.Location})";
        }

        var message = FirstLine(item.Message);
        return message is null ? text : $"{text}: {Shorten(message, 200)}";
    }

    /// <summary>The text cut to <paramref name="limit"/> characters, ending with an ellipsis when cut.</summary>
    public static string Shorten(string text, int limit) =>
        text.Length <= limit ? text : text[..(limit - 1)].TrimEnd() + "…";

    public static string? FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        var newline = trimmed.IndexOfAny(['\r', '\n']);
        return newline < 0 ? trimmed : trimmed[..newline].TrimEnd();
    }

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
