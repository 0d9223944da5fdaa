using Slipway.Git.Releases;

namespace Slipway.Git.Tests.Releases;

public class ConventionalCommitTests
{
    [Fact]
    public void Parse_TypeScopeAndDescription_AreRead()
    {
        var commit = ConventionalCommit.Parse("0123456789abcdef", "feat(theme): add a dark mode\n\nLong explanation.");

        commit.Should().Be(new ConventionalCommit("0123456789abcdef", "feat", "theme", "add a dark mode", false, null));
        commit.ShortSha.Should().Be("0123456");
    }

    [Theory]
    [InlineData("feat!: drop PHP 8.1")]
    [InlineData("refactor(api)!: rename the routes")]
    public void Parse_BangBeforeTheColon_IsBreaking(string message) =>
        ConventionalCommit.Parse("abc1234", message).IsBreaking.Should().BeTrue();

    [Theory]
    [InlineData("BREAKING CHANGE")]
    [InlineData("BREAKING-CHANGE")]
    public void Parse_BreakingChangeFooter_IsBreakingWithItsNote(string token)
    {
        var commit = ConventionalCommit.Parse(
            "abc1234",
            $"fix(config): read settings.local.php last\n\nBody text.\n\n{token}: local settings now win\nover the shared ones\nRefs: #12\n");

        commit.IsBreaking.Should().BeTrue();
        commit.BreakingNote.Should().Be("local settings now win over the shared ones");
    }

    [Fact]
    public void Parse_LowerCaseBreakingChangeWords_AreNotAFooter() =>
        ConventionalCommit.Parse("abc1234", "fix: typo\n\nbreaking change: none").IsBreaking.Should().BeFalse();

    [Theory]
    [InlineData("Update composer.lock")]
    [InlineData("Merge branch 'develop'")]
    [InlineData("feat:missing space")]
    public void Parse_NotConventional_KeepsTheSubjectWithoutAType(string message)
    {
        var commit = ConventionalCommit.Parse("abc1234", message);

        commit.Type.Should().BeNull();
        commit.Description.Should().Be(message);
    }

    [Fact]
    public void Parse_UpperCaseType_IsReadInLowerCase() =>
        ConventionalCommit.Parse("abc1234", "Feat: a thing").IsFeature.Should().BeTrue();
}
