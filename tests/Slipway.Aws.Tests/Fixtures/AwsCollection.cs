namespace Slipway.Aws.Tests.Fixtures;

/// <summary>The tests that talk to moto (and the local registry) share one of each and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AwsCollection : ICollectionFixture<MotoFixture>, ICollectionFixture<RegistryFixture>
{
    public const string Name = "moto";
}
