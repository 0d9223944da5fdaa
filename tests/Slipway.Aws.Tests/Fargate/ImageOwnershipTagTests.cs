using Slipway.Aws.Fargate;

namespace Slipway.Aws.Tests.Fargate;

public sealed class ImageOwnershipTagTests
{
    [Fact]
    public void A_tag_marks_its_app_and_branch_and_no_other()
    {
        var tag = ImageOwnershipTag.For("feature-x-abc1234", "drupal-site", "feature/x");

        tag.Should().MatchRegex("^feature-x-abc1234--[0-9a-f]{12}$");
        ImageOwnershipTag.Matches(tag, "drupal-site", "feature/x").Should().BeTrue();
        ImageOwnershipTag.Matches(tag, "drupal-site", branch: null).Should().BeTrue();
        ImageOwnershipTag.Matches(tag, "drupal-site", "feature/y").Should().BeFalse();
        ImageOwnershipTag.Matches(tag, "other-site", branch: null).Should().BeFalse();
        ImageOwnershipTag.Matches("feature-x-abc1234", "drupal-site", branch: null).Should().BeFalse();
    }

    [Fact]
    public void A_long_local_tag_is_shortened_to_fit_the_registry_limit_and_keeps_its_marker()
    {
        var tag = ImageOwnershipTag.For(new string('a', 200), "app", "main");

        tag.Length.Should().Be(128);
        ImageOwnershipTag.Matches(tag, "app", "main").Should().BeTrue();
    }

    [Theory]
    [InlineData("slipway/drupal-site:feature-x-abc1234", "feature-x-abc1234")]
    [InlineData("127.0.0.1:5000/drupal-site", "latest")]
    [InlineData("drupal-site:main@sha256:0123", "main")]
    [InlineData("drupal-site", "latest")]
    public void The_local_tag_is_read_from_the_image_reference(string reference, string tag)
    {
        ImageOwnershipTag.LocalTag(reference).Should().Be(tag);
    }
}
