using Slipway.Aws.Fargate;

namespace Slipway.Aws.Tests.Fargate;

public sealed class ImageOwnershipTagTests
{
    private const string Installation = "3f9c01ab5d6e4f7a";

    [Fact]
    public void A_tag_marks_its_app_branch_and_installation_and_no_other()
    {
        var tag = ImageOwnershipTag.For("feature-x-abc1234", "drupal-site", "feature/x", Installation);

        tag.Should().MatchRegex("^feature-x-abc1234--[0-9a-f]{16}$");
        ImageOwnershipTag.Matches(tag, "drupal-site", "feature/x", Installation).Should().BeTrue();
        ImageOwnershipTag.Matches(tag, "drupal-site", branch: null, Installation).Should().BeTrue();
        ImageOwnershipTag.Matches(tag, "drupal-site", "feature/y", Installation).Should().BeFalse();
        ImageOwnershipTag.Matches(tag, "other-site", branch: null, Installation).Should().BeFalse();
        ImageOwnershipTag.Matches("feature-x-abc1234", "drupal-site", branch: null, Installation).Should().BeFalse();
    }

    [Fact]
    public void Another_installations_image_of_the_same_app_and_branch_is_not_ours()
    {
        var theirs = ImageOwnershipTag.For("feature-x-abc1234", "drupal-site", "feature/x", "0000aaaa1111bbbb");
        var beforeIds = ImageOwnershipTag.For("feature-x-abc1234", "drupal-site", "feature/x", installation: null);

        ImageOwnershipTag.Matches(theirs, "drupal-site", "feature/x", Installation).Should().BeFalse();
        ImageOwnershipTag.Matches(theirs, "drupal-site", branch: null, Installation).Should().BeFalse();
        ImageOwnershipTag.Matches(beforeIds, "drupal-site", branch: null, Installation).Should().BeFalse();
    }

    [Fact]
    public void A_long_local_tag_is_shortened_to_fit_the_registry_limit_and_keeps_its_marker()
    {
        var tag = ImageOwnershipTag.For(new string('a', 200), "app", "main", Installation);

        tag.Length.Should().Be(128);
        ImageOwnershipTag.Matches(tag, "app", "main", Installation).Should().BeTrue();
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
