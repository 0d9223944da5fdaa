namespace Slipway.Status.Slack;

/// <summary>Slack's mrkdwn rules for text that comes from outside (test names, messages, branches).</summary>
internal static class SlackText
{
    /// <summary>Slack's section text limit.</summary>
    public const int SectionLimit = 3000;

    /// <summary>Escapes the three characters Slack reads as control sequences.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    /// <summary>
    /// A link showing <paramref name="label"/>. The address is escaped too: a presigned address's query joins its
    /// parameters with '&amp;', which Slack reads back from <c>&amp;amp;</c>.
    /// </summary>
    public static string Link(Uri url, string label) =>
        $"<{Escape(url.AbsoluteUri)}|{Escape(label).Replace("|", "¦", StringComparison.Ordinal)}>";

    /// <summary>Inline code; backticks inside would end it early.</summary>
    public static string Code(string text) => $"`{Escape(text).Replace('`', '\'')}`";
}
