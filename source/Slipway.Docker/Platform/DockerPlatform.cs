using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// The "local" platform: tasks and the playground run as containers on the local Docker engine, labelled with
/// their <see cref="Ownership"/>; playgrounds are published on a free 127.0.0.1 port.
/// </summary>
public sealed class DockerPlatform : IPlatform
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

    /// <summary>
    /// Replaces the app's playground for the slug: removes the containers labelled with the same app and slug,
    /// then runs <c>slipway-&lt;slug&gt;</c> with the service port published on a free 127.0.0.1 port.
    /// </summary>
    public async Task<ServiceEndpoint> StartServiceAsync(ServiceSpec spec, CancellationToken cancellationToken)
    {
        var playground = TaskKind.Playground.Label();
        var sameService = new Dictionary<string, string>
        {
            [Ownership.AppLabel] = spec.Owner.App,
            [Ownership.KindLabel] = playground,
            [SlugLabel] = spec.Slug,
        };
        AddInstallation(sameService);
        // The previous playground's services and network carry the same labels and go with it.
        foreach (var previous in await client.ListContainersAsync(sameService, cancellationToken))
        {
            await RemoveContainerAsync(previous.Id, cancellationToken);
        }

        foreach (var network in await client.ListNetworksAsync(sameService, cancellationToken))
        {
            await client.RemoveNetworkAsync(network.Id, cancellationToken);
        }

        var labels = LabelsFor(spec.Owner, playground);
        labels[SlugLabel] = spec.Slug;
        var sidecars = await StartSidecarsAsync(ContainerNames.ForTask(spec.Owner.Run, spec.Slug), spec.Sidecars, labels, "unless-stopped", cancellationToken);
        var request = new ContainerCreateRequest(spec.Image)
        {
            Name = ContainerNames.ForService(spec.Slug, options.Installation),
            Labels = labels,
            Environment = ContainerSecrets.Environment(
                SidecarVariables.Add(spec.Environment, spec.Sidecars ?? [], sidecar => sidecar.Name, SidecarGroup.TaskAlias), spec.Secrets),
            Ports = [new PortBinding(spec.ContainerPort)],
            // A playground should be up until it is torn down: after a host reboot or an engine restart it comes back.
            RestartPolicy = "unless-stopped",
        };
        var containerId = await CreateBesideAsync(request, sidecars, spec.Secrets, cancellationToken, spec.Files);

        var details = await client.InspectContainerAsync(containerId, cancellationToken);
        if (details.HostPort(spec.ContainerPort) is not { } hostPort)
        {
            // With its restart policy, a playground that dies at once would otherwise restart over and over.
            await RemoveContainerAsync(containerId, CancellationToken.None);
            await (sidecars?.RemoveAsync() ?? Task.FromResult<IReadOnlyList<Leftover>>([]));
            throw new DockerException(details.State.Running
                ? $"The Docker engine published no host port for playground {spec.Slug}: check that it can listen on 127.0.0.1."
                : $"Playground {spec.Slug} stopped right after it started (exit code {details.State.ExitCode}) and was removed: run `docker run --rm {spec.Image}` to see why.");
        }

        var host = $"{spec.HostLabel ?? spec.Slug}.localhost:{hostPort}";
        return new ServiceEndpoint(new Uri($"http://{host}/"), new Uri($"http://127.0.0.1:{hostPort}/"), host, containerId);
    }

    /// <summary>
    /// Containers in any state, networks and images carrying the app's labels (and the branch's, when given) and this
    /// installation's; what another installation, or a Slipway before installations had ids, made is left out.
    /// </summary>
    public async Task<IReadOnlyList<OwnedResource>> ListOwnedAsync(string app, string? branch, CancellationToken cancellationToken)
    {
        var selector = new Dictionary<string, string> { [Ownership.AppLabel] = app };
        if (branch is not null)
        {
            selector[Ownership.BranchLabel] = branch;
        }

        AddInstallation(selector);
        var containers = await client.ListContainersAsync(selector, cancellationToken);
        var networks = await client.ListNetworksAsync(selector, cancellationToken);
        var ownedImages = await client.ListImagesAsync(selector, cancellationToken);
        return containers.Select(container => new OwnedResource(ContainerType, container.Id, SlipwayLabels(container.Labels)))
            .Concat(networks.Select(network => new OwnedResource(NetworkType, network.Id, SlipwayLabels(network.Labels))))
            .Concat(ownedImages.Select(image => new OwnedResource(ImageType, image.Id, SlipwayLabels(image.Labels))))
            .ToList();
    }

    /// <summary>Force-removes the containers, then the networks, then the images; what is already gone is skipped.</summary>
    public async Task RemoveAsync(IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken)
    {
        var foreign = resources.FirstOrDefault(resource => resource.Type is not (ContainerType or NetworkType or ImageType));
        if (foreign is not null)
        {
            throw new ArgumentException($"The local platform holds no {foreign.Type} resources ({foreign.Id}): remove it on the platform that created it.", nameof(resources));
        }

        var failures = new List<string>();
        foreach (var container in resources.Where(resource => resource.Type == ContainerType))
        {
            try
            {
                await RemoveContainerAsync(container.Id, cancellationToken);
            }
            catch (DockerException exception)
            {
                failures.Add(exception.Message);
            }
        }

        foreach (var network in resources.Where(resource => resource.Type == NetworkType))
        {
            try
            {
                await client.RemoveNetworkAsync(network.Id, cancellationToken);
            }
            catch (DockerException exception)
            {
                failures.Add(exception.Message);
            }
        }

        var imageIds = resources.Where(resource => resource.Type == ImageType).Select(resource => resource.Id).ToList();
        failures.AddRange(await new ImageRemoval(client).RemoveAllAsync(imageIds, cancellationToken));
        if (failures.Count > 0)
        {
            throw new DockerException(failures.Count == 1
                ? failures[0]
                : $"{failures[0]} (and {failures.Count - 1} more resources could not be removed)");
        }
    }

    /// <summary>Starts the playground's container again when it exists but has stopped; down when it is gone or does not start.</summary>
    public async Task<ServiceCondition> RestartIfStoppedAsync(string resourceId, CancellationToken cancellationToken)
    {
        try
        {
            if ((await client.InspectContainerAsync(resourceId, cancellationToken)).State.Running)
            {
                return ServiceCondition.Running;
            }

            await client.StartContainerAsync(resourceId, cancellationToken);
            return (await client.InspectContainerAsync(resourceId, cancellationToken)).State.Running ? ServiceCondition.Restarted : ServiceCondition.Down;
        }
        catch (DockerException)
        {
            // Gone (removed behind Slipway's back) or refused to start: either way nobody can open it.
            return ServiceCondition.Down;
        }
    }

    /// <summary>The last lines the service's container wrote; none when the container is gone.</summary>
    public async Task<IReadOnlyList<LogLine>> ReadServiceLogTailAsync(ServiceEndpoint endpoint, int lines, CancellationToken cancellationToken)
    {
        var tail = new List<LogLine>();
        try
        {
            await foreach (var page in client.ReadContainerLogAsync(endpoint.ResourceId, follow: false, cancellationToken, tail: lines))
            {
                tail.AddRange(page);
            }
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            return [];
        }

        return tail.Count > lines ? tail[^lines..] : tail;
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

    private static Dictionary<string, string> SlipwayLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.Where(label => label.Key.StartsWith("slipway:", StringComparison.Ordinal))
            .ToDictionary(label => label.Key, label => label.Value);

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
