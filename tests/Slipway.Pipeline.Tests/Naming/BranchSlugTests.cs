using Slipway.Pipeline.Naming;

namespace Slipway.Pipeline.Tests.Naming;

public sealed class BranchSlugTests
{
    [Theory]
    [InlineData("demo")]
    [InlineData("release-2-4")]
    [InlineData("123-fix")]
    public void From_AValidSlug_KeepsTheBranchName(string branch) =>
        BranchSlug.From(branch).Should().Be(branch);

    [Theory]
    [InlineData("feature/x")]
    [InlineData("Feature/JIRA-123_Login")]
    [InlineData("hotfix--double")]
    [InlineData("-leading")]
    public void From_AnyOtherBranch_IsAValidDnsLabel(string branch)
    {
        var slug = BranchSlug.From(branch);

        slug.Should().MatchRegex("^[a-z0-9]([a-z0-9-]*[a-z0-9])?$");
        slug.Length.Should().BeLessThanOrEqualTo(BranchSlug.MaxLength);
        BranchSlug.IsValid(slug).Should().BeTrue();
    }

    [Fact]
    public void From_BranchesThatCleanToTheSameText_GetDifferentSlugs()
    {
        BranchSlug.From("feature/x").Should().NotBe(BranchSlug.From("feature-x"));
        BranchSlug.From("feature/x").Should().NotBe(BranchSlug.From("Feature/X"));
    }

    [Fact]
    public void From_ALongBranch_IsShortenedWithAHashThatKeepsItUnique()
    {
        var stem = "feature/" + new string('a', 80);

        var first = BranchSlug.From(stem + "1");
        var second = BranchSlug.From(stem + "2");

        first.Length.Should().BeLessThanOrEqualTo(BranchSlug.MaxLength);
        first.Should().StartWith("feature-aaaa");
        first.Should().NotBe(second);
    }

    [Fact]
    public void From_TheSameBranch_GivesTheSameSlugEveryTime() =>
        BranchSlug.From("feature/checkout").Should().Be(BranchSlug.From("feature/checkout"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("///")]
    public void From_ABranchWithNothingToNameItBy_SaysWhatToFix(string branch) =>
        FluentActions.Invoking(() => BranchSlug.From(branch)).Should().Throw<ArgumentException>()
            .Which.Message.Should().MatchRegex("branch");
}
