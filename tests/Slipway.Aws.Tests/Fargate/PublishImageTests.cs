using System.Text.Json.Nodes;
using Slipway.Aws.Tests.Fixtures;

namespace Slipway.Aws.Tests.Fargate;

[Collection(AwsCollection.Name)]
public sealed class PublishImageTests(MotoFixture moto, RegistryFixture registry)
{
    [Fact]
    public async Task Publishing_creates_the_repository_and_pushes_with_the_ECR_login_under_a_tag_that_names_the_owner()
    {
        var world = await moto.CreateWorldAsync();
        await using var store = new DockerCliImageStore();
        using var platform = world.Platform(world.Settings with { RegistryHost = registry.Host }, store);
        using var clients = moto.Clients();
        var localTag = registry.LocalImage.Split(':')[^1];

        var reference = await platform.PublishImageAsync(registry.LocalImage, world.Owner(), CancellationToken.None);

        reference.Should().MatchRegex($"^{registry.Host}/{world.Repository}:{localTag}--[0-9a-f]{{12}}$");
        (await RegistryTagsAsync(world.Repository)).Should().Contain(reference.Split(':')[^1]);
        (await clients.Ecr.DescribeRepositoryAsync(world.Repository, CancellationToken.None)).Should().NotBeNull();
        var login = store.CredentialsReceived.Should().ContainSingle().Which!;
        (login.Username, login.ServerAddress).Should().Be(("AWS", registry.Host));
        login.Password.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task After_the_push_the_engine_keeps_the_image_under_its_local_name_only()
    {
        var world = await moto.CreateWorldAsync();
        await using var store = new DockerCliImageStore();
        using var platform = world.Platform(world.Settings with { RegistryHost = registry.Host }, store);

        var reference = await platform.PublishImageAsync(registry.LocalImage, world.Owner("feature/tidy"), CancellationToken.None);

        (await RegistryTagsAsync(world.Repository)).Should().Contain(reference.Split(':')[^1], "the image was pushed under its ECR name");
        var localNames = await CommandLine.RunAsync("docker", "image", "inspect", "--format", "{{join .RepoTags \" \"}}", registry.LocalImage);
        localNames.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Should()
            .Contain(registry.LocalImage, "later stages build on the local name")
            .And.NotContain(reference, "the ECR-named reference served the push only; kept, one more would pile up per image on a CI machine");
    }

    [Fact]
    public async Task Publishing_into_an_existing_repository_does_not_create_it_again_and_other_branches_get_other_tags()
    {
        var world = await moto.CreateWorldAsync();
        await using var store = new DockerCliImageStore();
        using var recorder = new RecordingHandler();
        using var platform = world.Platform(world.Settings with { RegistryHost = registry.Host }, store, recorder);

        var first = await platform.PublishImageAsync(registry.LocalImage, world.Owner("feature/x"), CancellationToken.None);
        var second = await platform.PublishImageAsync(registry.LocalImage, world.Owner("feature/y"), CancellationToken.None);

        second.Should().NotBe(first);
        recorder.CountByAction().Should().Contain("ecr:CreateRepository", 1).And.Contain("ecr:DescribeRepositories", 2).And.Contain("ecr:GetAuthorizationToken", 2);
    }

    private async Task<IReadOnlyList<string>> RegistryTagsAsync(string repository)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var answer = JsonNode.Parse(await http.GetStringAsync($"http://{registry.Host}/v2/{repository}/tags/list"))!;
        return answer["tags"]!.AsArray().Select(tag => tag!.GetValue<string>()).ToList();
    }
}
