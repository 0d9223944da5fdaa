using NuGet.Versioning;
using Slipway.Git.Releases;

namespace Slipway.Git.Tests.Releases;

public class ReleaseNotesWriterTests
{
    [Fact]
    public void Write_MixedCommits_GroupsThemEachOnceInOrderOfImportance()
    {
        ConventionalCommit[] commits =
        [
            ConventionalCommit.Parse("aaaaaaa1", "docs: explain hooks"),
            ConventionalCommit.Parse("bbbbbbb2", "fix(search): empty results page"),
            ConventionalCommit.Parse("ccccccc3", "feat(api): v2 routes\n\nBREAKING CHANGE: v1 routes are gone"),
            ConventionalCommit.Parse("ddddddd4", "feat: dark mode"),
            ConventionalCommit.Parse("99999990", "chore(deps): bump drupal/core"),
            ConventionalCommit.Parse("eeeeeee5", "Update composer.lock"),
        ];

        var notes = ReleaseNotesWriter.Write(new SemanticVersion(2, 0, 0), new SemanticVersion(1, 4, 2), commits);

        notes.Should().Be(
            """
            ## v2.0.0

            Changes since v1.4.2.

            ### Breaking changes

            - **api:** v2 routes (ccccccc)
              - v1 routes are gone

            ### Features

            - dark mode (ddddddd)

            ### Fixes

            - **search:** empty results page (bbbbbbb)

            ### Other

            - docs: explain hooks (aaaaaaa)
            - chore(deps): bump drupal/core (9999999)
            - Update composer.lock (eeeeeee)

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_FirstReleaseWithOnlyFixes_SaysFirstReleaseAndLeavesEmptyGroupsOut()
    {
        var notes = ReleaseNotesWriter.Write(new SemanticVersion(0, 1, 0), null, [ConventionalCommit.Parse("fffffff6", "fix: typo")]);

        notes.Should().Be("## v0.1.0\n\nFirst release.\n\n### Fixes\n\n- typo (fffffff)\n");
    }
}
