using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<EndToEndFixture>
{
    public const string Name = "end to end";
}
