using NuGet.Versioning;
using Slipway.Git.Releases;

namespace Slipway.Git.Tests.Releases;

public class VersionCalculatorTests
{
    private static readonly ConventionalCommit Fix = ConventionalCommit.Parse("1111111", "fix: a bug");
    private static readonly ConventionalCommit Feature = ConventionalCommit.Parse("2222222", "feat: a feature");
    private static readonly ConventionalCommit Chore = ConventionalCommit.Parse("3333333", "chore: tidy up");
    private static readonly ConventionalCommit Breaking = ConventionalCommit.Parse("4444444", "feat!: a new API");

    [Theory]
    [InlineData(BumpLevel.Auto)]
    [InlineData(BumpLevel.Patch)]
    [InlineData(BumpLevel.Major)]
    public void Next_NoReleaseYet_IsFirstVersionWhateverTheBump(BumpLevel bump) =>
        VersionCalculator.Next(null, new VersionRequest(bump), [Breaking]).Should().Be(new SemanticVersion(0, 1, 0));

    [Theory]
    [InlineData(BumpLevel.Patch, "1.4.3")]
    [InlineData(BumpLevel.Minor, "1.5.0")]
    [InlineData(BumpLevel.Major, "2.0.0")]
    public void Next_ExplicitLevel_RaisesThatPart(BumpLevel bump, string expected) =>
        VersionCalculator.Next(new SemanticVersion(1, 4, 2), new VersionRequest(bump), [Chore])
            .Should().Be(SemanticVersion.Parse(expected));

    [Fact]
    public void Next_AutoWithFixesAndChores_IsAPatch() =>
        VersionCalculator.Next(new SemanticVersion(1, 4, 2), VersionRequest.Auto, [Fix, Chore])
            .Should().Be(new SemanticVersion(1, 4, 3));

    [Fact]
    public void Next_AutoWithAFeature_IsAMinor() =>
        VersionCalculator.Next(new SemanticVersion(1, 4, 2), VersionRequest.Auto, [Fix, Feature])
            .Should().Be(new SemanticVersion(1, 5, 0));

    [Fact]
    public void Next_AutoWithABreakingChange_IsAMajor() =>
        VersionCalculator.Next(new SemanticVersion(1, 4, 2), VersionRequest.Auto, [Feature, Breaking])
            .Should().Be(new SemanticVersion(2, 0, 0));

    [Fact]
    public void Next_AutoWithABreakingChangeBeforeOnePointZero_IsAMinor() =>
        VersionCalculator.Next(new SemanticVersion(0, 3, 1), VersionRequest.Auto, [Breaking])
            .Should().Be(new SemanticVersion(0, 4, 0));

    [Fact]
    public void Next_MajorAskedForBeforeOnePointZero_IsOnePointZero() =>
        VersionCalculator.Next(new SemanticVersion(0, 3, 1), new VersionRequest(BumpLevel.Major), [Chore])
            .Should().Be(new SemanticVersion(1, 0, 0));

    [Fact]
    public void Next_ExplicitVersionAboveTheLast_IsThatVersion() =>
        VersionCalculator.Next(new SemanticVersion(1, 4, 2), VersionRequest.Parse("3.0.0"), [Fix])
            .Should().Be(new SemanticVersion(3, 0, 0));

    [Theory]
    [InlineData("1.4.2")]
    [InlineData("1.3.9")]
    public void Next_ExplicitVersionNotAboveTheLast_IsRefused(string wanted)
    {
        var act = () => VersionCalculator.Next(new SemanticVersion(1, 4, 2), VersionRequest.Parse(wanted), [Fix]);

        act.Should().Throw<ReleaseException>()
            .WithMessage($"Version v{wanted} is not greater than the last release v1.4.2: ask for a higher version or for a bump level.");
    }
}
