using NuGet.Versioning;
using Slipway.Git.Releases;

namespace Slipway.Git.Tests.Releases;

public class VersionTagTests
{
    [Theory]
    [InlineData("v0.1.0", "0.1.0")]
    [InlineData("v12.0.3", "12.0.3")]
    public void TryParse_ReleaseTag_GivesItsVersion(string tag, string version)
    {
        VersionTag.TryParse(tag, out var parsed).Should().BeTrue();
        parsed.Should().Be(SemanticVersion.Parse(version));
    }

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2")]
    [InlineData("v1.2.3.4")]
    [InlineData("v01.2.3")]
    [InlineData("v1.2.3-rc.1")]
    [InlineData("v1.2.3+build.5")]
    [InlineData("release-1.2.3")]
    [InlineData("V1.2.3")]
    public void TryParse_NotAReleaseTag_IsRejected(string tag) =>
        VersionTag.TryParse(tag, out _).Should().BeFalse();

    [Fact]
    public void ReleasesAmong_MixedTags_AreReleasesHighestFirstInVersionOrder() =>
        VersionTag.ReleasesAmong(["v1.9.0", "nightly", "v1.10.0", "v2.0.0-beta.1", "v1.2.0"])
            .Select(VersionTag.NameOf)
            .Should().Equal("v1.10.0", "v1.9.0", "v1.2.0");
}
