using Slipway.Aws.Fargate;
using Slipway.Composition.Releases;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Git;
using Slipway.Git.Checkout;
using Slipway.Git.Processes;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Costs;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Platform;

namespace Slipway.Composition;

/// <summary>
/// The one place where the pipeline's services are chosen and put together. Builds and images always
/// stay on the local Docker engine; the tasks and the playground run where <see cref="CompositionOptions.Platform"/>
/// says: the same engine, or ECS Fargate with images pushed to ECR by that engine.
/// </summary>
public sealed class PipelineComposition : IDisposable
{
    private readonly DockerClient _docker;
    private readonly FargatePlatform? _aws;
    private readonly RegistryCredentials? _registryCredentials;

    /// <exception cref="Slipway.Engine.BuildFailedException">The AWS platform was chosen but its settings or credentials are missing.</exception>
    public PipelineComposition(CompositionOptions options)
    {
        var layout = new SlipwayLayout(options.SlipwayRoot, options.WorkDirectory);
        Installation = InstallationIdentity.LoadOrCreate(layout.StateDatabase);
        _docker = new DockerClient(DockerEndpoint.FromEnvironment());
        var local = new DockerPlatform(_docker, new DockerPlatformOptions
        {
            Installation = Installation,
            Registry = options.Registry,
            RegistryCredentials = options.RegistryCredentials,
            PushProgress = PushProgress,
            Networks = options.TaskNetworks,
        });
        var imageStore = new DockerImageStore(_docker, PushProgress);
        try
        {
            _aws = options.ResolvedPlatform == PlatformChoice.Aws ? FargatePlatformFactory.Create(options.Aws, options.AwsClient, imageStore, Installation) : null;
        }
        catch
        {
            _docker.Dispose();
            throw;
        }

        var git = new GitCli(new ProcessRunner());
        _registryCredentials = options.RegistryCredentials;
        Services = new PipelineServices(
            Platform: _aws is null ? local : _aws,
            BuildPlatform: local,
            Images: new DockerImageBuilder(_docker, Installation),
            ImageStore: imageStore,
            Checkout: new SourceCheckout(git),
            Git: git,
            Store: new SqliteRunStore(layout.StateDatabase),
            Reporter: options.Reporter,
            Probe: new PlaygroundProbe(),
            Layout: layout,
            Clock: TimeProvider.System,
            History: new SqliteResultHistory(layout.StateDatabase),
            Pricing: _aws is null || options.Aws is null ? null : AwsTaskPricing.From(options.Aws, FargatePrices.FromEnvironment(Environment.GetEnvironmentVariable)));
    }

    public PipelineServices Services { get; }

    /// <summary>This installation's id, kept in its state store: every resource it creates carries it.</summary>
    public string Installation { get; }

    /// <summary>Slipway's own database server on the engine that builds images (see docs/data.md).</summary>
    public Slipway.Docker.Databases.DatabaseContainer LocalDatabaseServer(Slipway.Docker.Databases.DatabaseContainerOptions options) => new(_docker, options);

    /// <summary>
    /// Where Deploy publishes the release image: the registry v2 at <paramref name="releaseRegistry"/> (host:port),
    /// or, when none is named, wherever the platform publishes the images its tasks run (ECR on AWS).
    /// </summary>
    /// <param name="releaseRegistry">The --release-registry; null for the platform's own.</param>
    public IReleaseImagePublisher ReleasePublisher(string? releaseRegistry)
    {
        if (releaseRegistry is null)
        {
            return new PlatformReleasePublisher(Services.Platform, Services.ImageStore);
        }

        // The build's registry login applies only to that registry; any other uses what docker login stored.
        var credentials = _registryCredentials is { } login && login.ServerAddress == releaseRegistry ? login : null;
        return new RegistryReleasePublisher(Services.ImageStore, releaseRegistry, credentials);
    }

    /// <summary>Push progress (layers and bytes, a line every few seconds) goes to the run's log.</summary>
    private static void PushProgress(string line) => Slipway.Engine.Log.Information(line);

    public void Dispose()
    {
        _aws?.Dispose();
        _docker.Dispose();
    }
}
