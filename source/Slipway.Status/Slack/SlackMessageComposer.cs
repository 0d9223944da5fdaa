using System.Globalization;
using System.Text.Json.Nodes;
using Slipway.Status.Summary;

namespace Slipway.Status.Slack;

/// <summary>Builds the run's Slack message: a text fallback and the Block Kit blocks.</summary>
internal static class SlackMessageComposer
{
    private const int MaxOtherScreenshots = 10;

    /// <summary>The run's one message, as posted and updated: <c>text</c> and <c>blocks</c>.</summary>
    public static JsonObject Compose(RunStatus status)
    {
        var summary = new RunSummary(status);
        var blocks = new JsonArray
        {
            SlackBlocks.Header($"{StageStateText.Emoji(summary.Outcome)} {status.App} · {status.Pipeline}: {summary.OutcomeText}"),
            SlackBlocks.Fields(Facts(status, summary)),
        };
        if (status.Stages.Count > 0)
        {
            blocks.Add(SlackBlocks.Section(string.Join('\n', status.Stages.Select(StageLine))));
        }

        if (Totals(summary) is { } totals)
        {
            blocks.Add(SlackBlocks.Section(totals));
        }

        if (status.PlaygroundUrl is not null)
        {
            blocks.Add(SlackBlocks.LinkButton("Open playground", status.PlaygroundUrl, "open_playground"));
        }

        if (!string.IsNullOrWhiteSpace(status.ReleaseNotes))
        {
            blocks.Add(SlackBlocks.Section($"*Release notes*\n{SlackText.Escape(status.ReleaseNotes.Trim())}"));
        }

        blocks.Add(SlackBlocks.Context(Footer(status, summary)));
        return new JsonObject
        {
            ["text"] = SlackText.Escape(summary.Headline),
            ["blocks"] = blocks,
        };
    }

    /// <summary>
    /// The failures as a thread reply: the first ten failing tests and findings with file:line and
    /// "+N more"; null when nothing failed.
    /// </summary>
    public static JsonObject? ComposeFailures(RunStatus status)
    {
        var summary = new RunSummary(status);
        if (!summary.HasFailures)
        {
            return null;
        }

        var blocks = new JsonArray();
        if (status.FailingTests.Count > 0)
        {
            blocks.Add(SlackBlocks.Section(FailureSection("Failing tests", summary.FailingTests, status.FailingTests.Count)));
        }

        if (status.Findings.Count > 0)
        {
            blocks.Add(SlackBlocks.Section(FailureSection("Findings", summary.Findings, status.Findings.Count)));
        }

        if (OtherScreenshots(status, summary) is { } screenshots)
        {
            blocks.Add(SlackBlocks.Section(screenshots));
        }

        var parts = new List<string>();
        if (status.FailingTests.Count > 0)
        {
            parts.Add($"{status.FailingTests.Count} failing test{(status.FailingTests.Count == 1 ? "" : "s")}");
        }

        if (status.Findings.Count > 0)
        {
            parts.Add($"{status.Findings.Count} finding{(status.Findings.Count == 1 ? "" : "s")}");
        }

        return new JsonObject
        {
            ["text"] = SlackText.Escape($"{string.Join(" and ", parts)} in {status.App} on {status.Branch} ({summary.ShortSha})"),
            ["blocks"] = blocks,
        };
    }

    private static IEnumerable<string> Facts(RunStatus status, RunSummary summary)
    {
        yield return $"*App*\n{SlackText.Escape(status.App)}";
        yield return $"*Branch*\n{SlackText.Code(status.Branch)}";
        yield return $"*Commit*\n{SlackText.Code(summary.ShortSha)}";
        if (status.PullRequestUrl is not null)
        {
            var number = status.PullRequestUrl.Segments.LastOrDefault()?.Trim('/');
            var label = number is { Length: > 0 } && number.All(char.IsAsciiDigit) ? $"#{number}" : "Open";
            yield return $"*Pull request*\n{SlackText.Link(status.PullRequestUrl, label)}";
        }

        if (!string.IsNullOrWhiteSpace(status.Version))
        {
            yield return $"*Version*\n{SlackText.Code(status.Version)}";
        }
    }

    private static string StageLine(StageStatus stage)
    {
        var line = $"{StageStateText.Emoji(stage.State)} *{SlackText.Escape(stage.Name)}* {StageStateText.Word(stage.State)}";
        if (!string.IsNullOrWhiteSpace(stage.Summary))
        {
            line += $" · {SlackText.Escape(RunSummary.Shorten(RunSummary.FirstLine(stage.Summary)!, 200))}";
        }

        return stage.TargetUrl is null ? line : $"{line} · {SlackText.Link(stage.TargetUrl, "details")}";
    }

    private static string? Totals(RunSummary summary)
    {
        var lines = new List<string>();
        if (summary.TestTotalsText is { } tests)
        {
            lines.Add($"*Tests* {tests}");
        }

        if (summary.FindingTotalsText is { } findings)
        {
            lines.Add($"*Findings* {findings}");
        }

        lines.AddRange(new[] { SlackChangeText.Changes(summary.Status), SlackChangeText.Cost(summary.Status) }.OfType<string>());
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }

    private static string Footer(RunStatus status, RunSummary summary)
    {
        var footer = $"Run {SlackText.Code(status.RunId)} · started " +
                     status.StartedAt.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (summary.DurationText is { } duration)
        {
            footer += $" · took {duration}";
        }

        if (status.RunUrl is not null)
        {
            footer += $" · {SlackText.Link(status.RunUrl, "run log")}";
        }

        return status.Superseded ? $"{footer}\n:fast_forward: Superseded by a newer push; this run's results are final." : footer;
    }

    private static string FailureSection(string heading, ShortList<FailureItem> list, int total)
    {
        var lines = new List<string> { $"*{heading}* ({total})" };
        var length = lines[0].Length;
        var shown = 0;
        foreach (var item in list.Shown)
        {
            var line = $"• {FailureLine(item)}";
            // Keep room for the "+N more" line inside Slack's section limit.
            if (length + line.Length + 1 > SlackText.SectionLimit - 40)
            {
                break;
            }

            lines.Add(line);
            length += line.Length + 1;
            shown++;
        }

        var more = total - shown;
        if (more > 0)
        {
            lines.Add($"+{more} more");
        }

        return string.Join('\n', lines);
    }

    private static string FailureLine(FailureItem item)
    {
        var line = $"*{SlackText.Escape(RunSummary.Shorten(item.Title, 150))}*";
        if (!string.IsNullOrWhiteSpace(item.Location))
        {
            line = $"{SlackText.Code(item.Location)} {line}";
        }

        var message = RunSummary.FirstLine(item.Message);
        line = message is null ? line : $"{line}: {SlackText.Escape(RunSummary.Shorten(message, 150))}";
        if (item.Screenshot is { } screenshot)
        {
            line = $"{line} · :camera: {SlackText.Link(screenshot.Url, screenshot.Name)}";
        }

        // New ones come first; an old one (the base branch has it too) says so.
        return item.IsNew ? line : $"{line} _(old)_";
    }

    // The screenshots no failing test shown above links to (a runner named them after something else, or their test
    // is beyond the first ten): each still gets its link.
    private static string? OtherScreenshots(RunStatus status, RunSummary summary)
    {
        var linked = summary.FailingTests.Shown.Select(item => item.Screenshot?.Name).ToHashSet(StringComparer.Ordinal);
        var others = ShortList<ScreenshotLink>.Of(status.Screenshots.Where(shot => !linked.Contains(shot.Name)).ToList(), MaxOtherScreenshots);
        if (others.Shown.Count == 0)
        {
            return null;
        }

        var links = string.Join(" · ", others.Shown.Select(shot => SlackText.Link(shot.Url, shot.Name)));
        return $"*Screenshots*\n{links}{(others.More > 0 ? $"\n+{others.More} more" : "")}";
    }
}
