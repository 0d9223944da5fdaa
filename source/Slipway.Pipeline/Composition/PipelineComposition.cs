using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Git;
using Slipway.Git.Checkout;
using Slipway.Git.Processes;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Playground;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Status;

namespace Slipway.Pipeline.Composition;

/// <summary>The one place where the pipeline's services are chosen and put together.</summary>
public sealed class PipelineComposition : IDisposable
{
    private readonly DockerClient _docker;

    public PipelineComposition(CompositionOptions options)
    {
        _docker = new DockerClient(DockerEndpoint.FromEnvironment());
        var local = new DockerPlatform(_docker, new DockerPlatformOptions
        {
            Registry = options.Registry,
            RegistryCredentials = options.RegistryCredentials,
        });
        var layout = new SlipwayLayout(options.SlipwayRoot, options.WorkDirectory);
        Services = new PipelineServices(
            Platform: local,
            BuildPlatform: local,
            Images: new DockerImageBuilder(_docker),
            ImageStore: new DockerImageStore(_docker),
            Checkout: new SourceCheckout(new GitCli(new ProcessRunner())),
            Store: new SqliteRunStore(layout.StateDatabase),
            Reporter: options.Reporter,
            Probe: new PlaygroundProbe(),
            Layout: layout,
            Clock: TimeProvider.System);
    }

    public PipelineServices Services { get; }

    /// <summary>The engine that builds images, for checks such as Doctor's.</summary>
    public DockerClient Docker => _docker;

    public void Dispose() => _docker.Dispose();
}

/// <summary>The choices <see cref="PipelineComposition"/> needs, resolved from the build's parameters.</summary>
public sealed record CompositionOptions(
    string SlipwayRoot,
    string WorkDirectory,
    IRunStatusReporter Reporter,
    string? Registry = null,
    RegistryCredentials? RegistryCredentials = null);
