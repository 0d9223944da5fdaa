namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>The tests that run the pipeline on the AWS platform share one moto, registry and work folder.</summary>
[CollectionDefinition(Name)]
public sealed class AwsPipelineCollection : ICollectionFixture<AwsPipelineFixture>
{
    public const string Name = "pipeline on aws";
}
