using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Clients;

[Collection(AwsCollection.Name)]
public sealed class EcrClientTests(MotoFixture moto)
{
    [Fact]
    public async Task A_repository_is_unknown_until_it_is_created()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();

        var before = await clients.Ecr.DescribeRepositoryAsync(world.Repository, CancellationToken.None);
        var created = await clients.Ecr.CreateRepositoryAsync(world.Repository, CancellationToken.None);
        var after = await clients.Ecr.DescribeRepositoryAsync(world.Repository, CancellationToken.None);

        before.Should().BeNull();
        created.RepositoryUri.Should().EndWith("/" + world.Repository);
        after!.RepositoryUri.Should().Be(created.RepositoryUri);
    }

    [Fact]
    public async Task The_authorization_token_becomes_a_registry_login_for_the_account_registry()
    {
        using var clients = moto.Clients();

        var login = await clients.Ecr.GetRegistryCredentialsAsync(CancellationToken.None);

        login.Username.Should().Be("AWS");
        login.Password.Should().NotBeNullOrEmpty();
        login.ServerAddress.Should().StartWith("https://").And.Contain(".dkr.ecr.eu-west-1.");
        login.ToString().Should().NotContain(login.Password);
    }

    [Fact]
    public async Task Tagged_images_are_listed_and_go_when_their_tags_are_deleted()
    {
        var world = await moto.CreateWorldAsync();
        using var clients = moto.Clients();
        await clients.Ecr.CreateRepositoryAsync(world.Repository, CancellationToken.None);
        await moto.Api.PutImageAsync(world.Repository, "keep");
        await moto.Api.PutImageAsync(world.Repository, "drop");

        var listed = await clients.Ecr.DescribeTaggedImagesAsync(world.Repository, CancellationToken.None);
        var failures = await clients.Ecr.DeleteTagsAsync(world.Repository, ["drop", "never-pushed"], CancellationToken.None);
        var left = await clients.Ecr.DescribeTaggedImagesAsync(world.Repository, CancellationToken.None);

        listed.SelectMany(image => image.ImageTags ?? []).Should().BeEquivalentTo("keep", "drop");
        failures.Should().BeEmpty("a tag that is already gone is not a failure");
        left.SelectMany(image => image.ImageTags ?? []).Should().Equal("keep");
    }
}
