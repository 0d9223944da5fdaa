using System.Text;
using NuGet.Versioning;

namespace Slipway.Git.Releases;

/// <summary>
/// Release notes as Markdown: the commits since the last release grouped into Breaking changes,
/// Features, Fixes and Other, each commit once, newest first, empty groups left out.
/// </summary>
public static class ReleaseNotesWriter
{
    /// <summary>Writes the notes of a release.</summary>
    /// <param name="version">The version being released.</param>
    /// <param name="previous">The last release before it, or null for the first release.</param>
    /// <param name="commits">The commits since <paramref name="previous"/>, newest first.</param>
    public static string Write(SemanticVersion version, SemanticVersion? previous, IReadOnlyList<ConventionalCommit> commits)
    {
        var notes = new StringBuilder();
        notes.Append("## ").Append(VersionTag.NameOf(version)).Append("\n\n");
        notes.Append(previous is null ? "First release." : $"Changes since {VersionTag.NameOf(previous)}.").Append('\n');
        if (commits.Count == 0)
        {
            notes.Append("\nNo changes.\n");
            return notes.ToString();
        }

        AppendSection(notes, "Breaking changes", commits.Where(commit => commit.IsBreaking), ScopeFirst);
        AppendSection(notes, "Features", commits.Where(commit => !commit.IsBreaking && commit.IsFeature), ScopeFirst);
        AppendSection(notes, "Fixes", commits.Where(commit => !commit.IsBreaking && commit.IsFix), ScopeFirst);
        AppendSection(notes, "Other", commits.Where(commit => !commit.IsBreaking && !commit.IsFeature && !commit.IsFix), AsWritten);
        return notes.ToString();
    }

    // In a group of one type the type goes without saying; the scope says where.
    private static string ScopeFirst(ConventionalCommit commit) =>
        commit.Scope is null ? commit.Description : $"**{commit.Scope}:** {commit.Description}";

    // "Other" mixes types (docs, chore, ci...), so each keeps its header as written.
    private static string AsWritten(ConventionalCommit commit) =>
        commit.Type is null ? commit.Description
        : commit.Scope is null ? $"{commit.Type}: {commit.Description}"
        : $"{commit.Type}({commit.Scope}): {commit.Description}";

    private static void AppendSection(
        StringBuilder notes,
        string title,
        IEnumerable<ConventionalCommit> commits,
        Func<ConventionalCommit, string> describe)
    {
        var listed = commits.ToList();
        if (listed.Count == 0)
        {
            return;
        }

        notes.Append("\n### ").Append(title).Append("\n\n");
        foreach (var commit in listed)
        {
            notes.Append("- ").Append(describe(commit)).Append(" (").Append(commit.ShortSha).Append(")\n");
            if (commit.BreakingNote is { Length: > 0 } note)
            {
                notes.Append("  - ").Append(note).Append('\n');
            }
        }
    }
}
