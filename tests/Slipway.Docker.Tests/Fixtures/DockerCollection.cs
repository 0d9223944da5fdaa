namespace Slipway.Docker.Tests.Fixtures;

/// <summary>Tests against the real engine share one base image and the registries, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class DockerCollection
    : ICollectionFixture<DockerFixture>, ICollectionFixture<RegistryFixture>, ICollectionFixture<AuthenticatedRegistryFixture>
{
    public const string Name = "docker";
}
