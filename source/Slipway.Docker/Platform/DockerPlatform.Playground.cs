using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>The playground: its container replaced per slug, restarted when it stopped, its log tail.</summary>
public sealed partial class DockerPlatform
{
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
}
