using Slipway.Aws;
using Slipway.Aws.Runtime;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Composition;

/// <summary>The choices <see cref="PipelineComposition"/> needs, resolved from the build's parameters.</summary>
/// <param name="Registry">A registry (host:port) the local platform pushes built images to.</param>
/// <param name="RegistryCredentials">The login for <paramref name="Registry"/>.</param>
public sealed record CompositionOptions(
    string SlipwayRoot,
    string WorkDirectory,
    IRunStatusReporter Reporter,
    string? Registry = null,
    RegistryCredentials? RegistryCredentials = null)
{
    /// <summary>Where tasks and the playground run; <see cref="PlatformChoice.Auto"/> picks AWS when <see cref="Aws"/> names a cluster.</summary>
    public PlatformChoice Platform { get; init; } = PlatformChoice.Auto;

    /// <summary>The AWS settings (the build's Aws* parameters); null when none were given.</summary>
    public AwsSettings? Aws { get; init; }

    /// <summary>Credentials, profile and endpoint overrides of the AWS clients; null follows the AWS SDK's defaults and AWS_ENDPOINT_URL*.</summary>
    public AwsClientOptions? AwsClient { get; init; }

    /// <summary>Networks every local task and playground joins (the network of Slipway's own database server).</summary>
    public IReadOnlyList<string> TaskNetworks { get; init; } = [];

    /// <summary>The platform these options select.</summary>
    public PlatformChoice ResolvedPlatform => PlatformSelection.Resolve(Platform, Aws?.Cluster);
}
