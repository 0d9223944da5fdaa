namespace Slipway.Results.Writers;

/// <summary>Makes text safe inside GitHub-flavoured Markdown tables, code spans and fences.</summary>
internal static class MarkdownText
{
    /// <summary>A table cell: one line, pipes escaped, HTML-like text shown as text.</summary>
    public static string Cell(string? text, int maxLength = 300) =>
        ReportText.Fit(text, maxLength)
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal);

    /// <summary>A code span that survives backticks in the text (a path or a test name).</summary>
    public static string Code(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var line = ReportText.OneLine(text).Replace("|", "\\|", StringComparison.Ordinal);
        var fence = new string('`', LongestRun(line, '`') + 1);
        var padding = line.StartsWith('`') || line.EndsWith('`') ? " " : string.Empty;
        return $"{fence}{padding}{line}{padding}{fence}";
    }

    /// <summary>A fence for a code block that no line of <paramref name="lines"/> can close early.</summary>
    public static string Fence(IEnumerable<string> lines) =>
        new('`', Math.Max(3, lines.Select(line => LongestRun(line, '`')).DefaultIfEmpty(0).Max() + 1));

    private static int LongestRun(string text, char character)
    {
        int longest = 0, current = 0;
        foreach (var c in text)
        {
            current = c == character ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
