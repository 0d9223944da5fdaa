using NuGet.Versioning;
using Slipway.Git.Releases;

namespace Slipway.Git.Tests.Releases;

public class VersionRequestTests
{
    [Theory]
    [InlineData("major", BumpLevel.Major)]
    [InlineData("Minor", BumpLevel.Minor)]
    [InlineData("patch", BumpLevel.Patch)]
    [InlineData(" auto ", BumpLevel.Auto)]
    public void Parse_BumpLevel_IsThatLevel(string text, BumpLevel level) =>
        VersionRequest.Parse(text).Should().Be(new VersionRequest(level));

    [Theory]
    [InlineData("2.1.0")]
    [InlineData("v2.1.0")]
    public void Parse_Version_IsThatExplicitVersion(string text) =>
        VersionRequest.Parse(text).Explicit.Should().Be(new SemanticVersion(2, 1, 0));

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("patch,minor")]
    [InlineData("2.0.0-rc.1")]
    [InlineData("huge")]
    public void Parse_Neither_IsRefusedNamingTheChoices(string text)
    {
        var act = () => VersionRequest.Parse(text);

        act.Should().Throw<ReleaseException>().WithMessage("*use major, minor, patch, auto or a version such as 1.4.0*");
    }
}
