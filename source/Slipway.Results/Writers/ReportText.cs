using System.Globalization;
using System.Text;

namespace Slipway.Results.Writers;

/// <summary>Small text shapes shared by the writers.</summary>
internal static class ReportText
{
    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString(time.TotalSeconds < 10 ? "0.000" : "0.0", CultureInfo.InvariantCulture) + " s";

    public static string Plural(int count, string singular, string plural) => $"{count} {(count == 1 ? singular : plural)}";

    /// <summary>One line of at most <paramref name="width"/> characters: line breaks become spaces, the end is cut with "...".</summary>
    public static string Fit(string? text, int width)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = OneLine(text);
        return line.Length <= width ? line : line[..Math.Max(0, width - 3)] + "...";
    }

    /// <summary>
    /// Breaks text into lines of at most <paramref name="width"/> characters at spaces; past
    /// <paramref name="maxLines"/> lines the last one is cut with "...".
    /// </summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var rest = OneLine(text).AsSpan().Trim();
        while (!rest.IsEmpty && lines.Count < maxLines)
        {
            if (rest.Length <= width)
            {
                lines.Add(rest.ToString());
                return lines;
            }

            if (lines.Count == maxLines - 1)
            {
                lines.Add(Fit(rest.ToString(), width));
                return lines;
            }

            var cut = rest[..(width + 1)].LastIndexOf(' ');
            var end = cut > 0 ? cut : width;
            lines.Add(rest[..end].TrimEnd().ToString());
            rest = rest[end..].TrimStart();
        }

        return lines;
    }

    public static string OneLine(string text)
    {
        if (text.AsSpan().IndexOfAny('\n', '\r', '\t') < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            builder.Append(character is '\n' or '\r' or '\t' ? ' ' : character);
        }

        return builder.ToString().Trim();
    }

    public static string Outcome(TestOutcome outcome) => outcome switch
    {
        TestOutcome.Failed => "failed",
        TestOutcome.Error => "error",
        TestOutcome.Skipped => "skipped",
        TestOutcome.Warning => "warning",
        _ => "passed",
    };

    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Error => "error",
        FindingSeverity.Warning => "warning",
        _ => "notice",
    };

    public static string ProblemSource(ResultsProblem problem) => problem.Tool is null ? problem.Task : $"{problem.Task}/{problem.Tool}";

    public static string Metrics(CodeMetrics metrics)
    {
        var parts = new List<string>();
        if (metrics.LinesOfCode is { } loc)
        {
            parts.Add(metrics.LogicalLinesOfCode is { } lloc ? $"{loc} lines ({lloc} logical)" : $"{loc} lines");
        }

        if (metrics.Classes is { } classes)
        {
            parts.Add($"{classes} classes");
        }

        if (metrics.Methods is { } methods)
        {
            parts.Add($"{methods} methods");
        }

        return parts.Count == 0 ? "no figures" : string.Join(", ", parts);
    }
}
