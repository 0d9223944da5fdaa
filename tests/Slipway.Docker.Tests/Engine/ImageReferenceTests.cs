using Slipway.Docker.Engine;

namespace Slipway.Docker.Tests.Engine;

public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("drupal-site", null, "drupal-site", null)]
    [InlineData("slipway/drupal-site:feature-x-abc1234", null, "slipway/drupal-site", "feature-x-abc1234")]
    [InlineData("127.0.0.1:5000/slipway/drupal-site:v1.2.0", "127.0.0.1:5000", "slipway/drupal-site", "v1.2.0")]
    [InlineData("localhost/app", "localhost", "app", null)]
    [InlineData("123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:main", "123456789012.dkr.ecr.eu-west-1.amazonaws.com", "app", "main")]
    public void Parse_SplitsRegistryRepositoryAndTag(string reference, string? registry, string repository, string? tag)
    {
        var parsed = ImageReference.Parse(reference);

        parsed.Registry.Should().Be(registry);
        parsed.Repository.Should().Be(repository);
        parsed.Tag.Should().Be(tag);
        parsed.ToString().Should().Be(reference);
    }

    [Fact]
    public void Parse_DigestReference_KeepsTheDigest()
    {
        var parsed = ImageReference.Parse("127.0.0.1:5000/app@sha256:0123");

        parsed.Name.Should().Be("127.0.0.1:5000/app");
        parsed.Tag.Should().BeNull();
        parsed.Digest.Should().Be("sha256:0123");
    }

    [Fact]
    public void InRegistry_MovesTheRepositoryAndTagToTheRegistry()
    {
        ImageReference.Parse("other.example.com/slipway/site:feature-x").InRegistry("127.0.0.1:5000").ToString()
            .Should().Be("127.0.0.1:5000/slipway/site:feature-x");
        ImageReference.Parse("site").InRegistry("127.0.0.1:5000").ToString().Should().Be("127.0.0.1:5000/site:latest");
    }
}
