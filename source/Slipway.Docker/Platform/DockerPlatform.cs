using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// The "local" platform: tasks and the playground run as containers on the local Docker engine, labelled with
/// their <see cref="Ownership"/>; playgrounds are published on a free 127.0.0.1 port.
/// </summary>
public sealed partial class DockerPlatform : IPlatform
{
    /// <summary>The label that ties a playground container to its branch slug.</summary>
    public const string SlugLabel = "slipway:slug";

    private const string ContainerType = "container";
    private const string ImageType = "image";
    private const string NetworkType = "network";

    private readonly DockerClient client;
    private readonly DockerPlatformOptions options;
    private readonly DockerImageStore images;

    public DockerPlatform(DockerClient client, DockerPlatformOptions? options = null)
    {
        this.client = client;
        this.options = options ?? new DockerPlatformOptions();
        images = new DockerImageStore(client, this.options.PushProgress);
    }

    public string Name => "local";

    public bool CopiesFilesIntoServices => true;

    /// <summary>
    /// Without a registry the local reference is returned as it is; with one, the image is tagged
    /// <c>&lt;registry&gt;/&lt;repository&gt;:&lt;tag&gt;</c>, pushed, and that reference returned.
    /// </summary>
    public async Task<string> PublishImageAsync(string localImage, Ownership owner, CancellationToken cancellationToken)
    {
        if (options.Registry is null)
        {
            return localImage;
        }

        if (localImage.StartsWith("sha256:", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Publishing needs a repository:tag reference, not the image id {localImage}: tag the image when building it.", nameof(localImage));
        }

        var target = ImageReference.Parse(localImage).InRegistry(options.Registry).ToString();
        await images.TagAsync(localImage, target, cancellationToken);
        await images.PushAsync(target, options.RegistryCredentials, cancellationToken);
        return target;
    }

    public async Task<ITaskRun> StartTaskAsync(TaskSpec spec, CancellationToken cancellationToken)
    {
        var name = ContainerNames.ForTask(spec.Owner.Run, spec.Name);
        var labels = LabelsFor(spec.Owner, spec.Kind.Label());
        var sidecars = await StartSidecarsAsync(name, spec.Sidecars, labels, "no", cancellationToken);
        var request = new ContainerCreateRequest(spec.Image)
        {
            Name = name,
            Labels = labels,
            Environment = ContainerSecrets.Environment(
                SidecarVariables.Add(spec.Environment, spec.Sidecars ?? [], sidecar => sidecar.Name, SidecarGroup.TaskAlias), spec.Secrets),
            Command = spec.Command,
            Mounts = spec.Mounts?.Select(mount => new BindMount(mount.HostPath, mount.ContainerPath, mount.ReadOnly)).ToList() ?? [],
        };
        var containerId = await CreateBesideAsync(request, sidecars, spec.Secrets, cancellationToken);
        return new DockerTaskRun(client, containerId, spec.Timeout, options.StopTimeout, sidecars);
    }

    private Dictionary<string, string> LabelsFor(Ownership owner, string kind)
    {
        var labels = new Dictionary<string, string>(options.ExtraLabels);
        foreach (var (key, value) in owner.ToLabels(kind))
        {
            labels[key] = value;
        }

        AddInstallation(labels);
        return labels;
    }

    private void AddInstallation(Dictionary<string, string> labels)
    {
        if (options.Installation is { } installation)
        {
            labels[Ownership.InstallationLabel] = installation;
        }
    }

    private async Task<SidecarGroup?> StartSidecarsAsync(
        string name, IReadOnlyList<SidecarSpec>? sidecars, IReadOnlyDictionary<string, string> labels, string restartPolicy, CancellationToken cancellationToken) =>
        sidecars is null or { Count: 0 } ? null : await SidecarGroup.StartAsync(client, name, sidecars, labels, options, restartPolicy, cancellationToken);

    // Creates the container, gives it its secrets (files inside it, never inspectable environment), its copy of the
    // app's files and its networks (Slipway's database server's, its services'), then starts it; a failed start removes the container and the
    // services, and what could not be removed travels with the error.
    private async Task<string> CreateBesideAsync(
        ContainerCreateRequest request, SidecarGroup? sidecars, IReadOnlyDictionary<string, string>? secrets, CancellationToken cancellationToken, ServiceFiles? files = null)
    {
        string? containerId = null;
        try
        {
            containerId = await client.CreateContainerAsync(request, cancellationToken);
            await ContainerSecrets.CopyAsync(client, containerId, secrets, cancellationToken);
            await ContainerFiles.CopyAsync(client, containerId, files, cancellationToken);
            foreach (var network in options.Networks)
            {
                await client.ConnectNetworkAsync(network, containerId, [], cancellationToken);
            }

            if (sidecars is not null)
            {
                await sidecars.JoinAsync(containerId, cancellationToken);
            }

            await client.StartContainerAsync(containerId, cancellationToken);
            return containerId;
        }
        catch (Exception exception)
        {
            if (containerId is not null)
            {
                await RemoveContainerAsync(containerId, CancellationToken.None);
            }

            CleanupFailedException.Attach(exception, await (sidecars?.RemoveAsync() ?? Task.FromResult<IReadOnlyList<Leftover>>([])));
            throw;
        }
    }

    private async Task RemoveContainerAsync(string containerId, CancellationToken cancellationToken)
    {
        try
        {
            await client.RemoveContainerAsync(containerId, force: true, removeVolumes: true, cancellationToken);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already gone.
        }
    }
}
