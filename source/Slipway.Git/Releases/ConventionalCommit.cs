using System.Text.RegularExpressions;

namespace Slipway.Git.Releases;

/// <summary>
/// A commit message read as a conventional commit (<c>type(scope)!: description</c>, footers such as
/// <c>BREAKING CHANGE: ...</c>). A message that does not follow the convention keeps its subject as
/// the description and has no type.
/// </summary>
/// <param name="Sha">The commit id.</param>
/// <param name="Type">The type in lower case (<c>feat</c>, <c>fix</c>, ...), or null for a message that is not conventional.</param>
/// <param name="Scope">The scope in parentheses, when given.</param>
/// <param name="Description">The text after the colon (the whole subject when not conventional).</param>
/// <param name="IsBreaking">True for <c>!</c> before the colon or a <c>BREAKING CHANGE:</c> / <c>BREAKING-CHANGE:</c> footer.</param>
/// <param name="BreakingNote">The text of the breaking-change footer, when there is one.</param>
public sealed partial record ConventionalCommit(
    string Sha,
    string? Type,
    string? Scope,
    string Description,
    bool IsBreaking,
    string? BreakingNote)
{
    /// <summary>The first seven characters of the commit id.</summary>
    public string ShortSha => Sha.Length > 7 ? Sha[..7] : Sha;

    /// <summary>True for a <c>feat</c> commit.</summary>
    public bool IsFeature => Type == "feat";

    /// <summary>True for a <c>fix</c> commit.</summary>
    public bool IsFix => Type == "fix";

    /// <summary>Reads a full commit message (subject, body, footers).</summary>
    public static ConventionalCommit Parse(string sha, string message)
    {
        var lines = message.Replace("\r\n", "\n", StringComparison.Ordinal).Trim().Split('\n');
        var subject = lines[0].Trim();
        var note = BreakingNoteIn(lines.Skip(1));
        var header = HeaderPattern().Match(subject);
        if (!header.Success)
        {
            return new ConventionalCommit(sha, null, null, subject, note is not null, note);
        }

        var scope = header.Groups["scope"].Success ? header.Groups["scope"].Value.Trim() : null;
        return new ConventionalCommit(
            sha,
            header.Groups["type"].Value.ToLowerInvariant(),
            string.IsNullOrEmpty(scope) ? null : scope,
            header.Groups["description"].Value.Trim(),
            header.Groups["bang"].Success || note is not null,
            note);
    }

    // The footer token is upper case by the convention's own rule; its text may run on over following lines.
    private static string? BreakingNoteIn(IEnumerable<string> bodyLines)
    {
        string? note = null;
        foreach (var line in bodyLines)
        {
            var footer = BreakingFooterPattern().Match(line);
            if (footer.Success)
            {
                note = footer.Groups["text"].Value.Trim();
            }
            else if (note is not null && !string.IsNullOrWhiteSpace(line) && !OtherFooterPattern().IsMatch(line))
            {
                note = $"{note} {line.Trim()}";
            }
            else if (note is not null)
            {
                break;
            }
        }

        return note;
    }

    [GeneratedRegex(@"^(?<type>[A-Za-z][A-Za-z0-9-]*)(\((?<scope>[^()]*)\))?(?<bang>!)?: (?<description>\S.*)$")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^BREAKING[ -]CHANGE: ?(?<text>.*)$")]
    private static partial Regex BreakingFooterPattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z-]*(: | #)")]
    private static partial Regex OtherFooterPattern();
}
