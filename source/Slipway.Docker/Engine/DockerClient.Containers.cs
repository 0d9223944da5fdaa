using System.Globalization;
using Docker.DotNet.Models;
using Models = Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Creates a container (not started) and returns its id.</summary>
    /// <exception cref="DockerException">No such image, or the name is in use (<see cref="DockerException.IsConflict"/>).</exception>
    public async Task<string> CreateContainerAsync(ContainerCreateRequest request, CancellationToken cancellationToken)
    {
        var created = await CallAsync(client => client.Containers.CreateContainerAsync(CreateParameters(request), cancellationToken));
        return created.ID ?? throw new DockerException("The Docker engine created a container without returning its id.");
    }

    /// <summary>Starts a created or stopped container; starting a running one does nothing.</summary>
    public Task StartContainerAsync(string container, CancellationToken cancellationToken) =>
        CallAsync(client => client.Containers.StartContainerAsync(container, new ContainerStartParameters(), cancellationToken));

    /// <summary>
    /// Waits until the container is not running and returns its exit code: at once for a container that already
    /// exited or never started.
    /// </summary>
    public async Task<int> WaitContainerAsync(string container, CancellationToken cancellationToken)
    {
        var result = await CallAsync(client => client.Containers.WaitContainerAsync(container, cancellationToken));
        if (result.Error?.Message is { Length: > 0 } message)
        {
            throw new DockerException(EngineMessage.Tidy(message));
        }

        return (int)result.StatusCode;
    }

    /// <summary>
    /// Stops a container: SIGTERM, then SIGKILL after <paramref name="timeout"/>. Stopping a stopped container does nothing.
    /// </summary>
    public Task StopContainerAsync(string container, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var seconds = (uint)Math.Ceiling(Math.Max(0, timeout.TotalSeconds));
        return CallAsync(client => client.Containers.StopContainerAsync(
            container, new ContainerStopParameters { WaitBeforeKillSeconds = seconds }, cancellationToken));
    }

    /// <summary>Removes a container.</summary>
    /// <param name="force">Kill it first when it runs.</param>
    /// <param name="removeVolumes">Also remove its anonymous volumes.</param>
    public Task RemoveContainerAsync(string container, bool force, bool removeVolumes, CancellationToken cancellationToken) =>
        CallAsync(client => client.Containers.RemoveContainerAsync(
            container, new ContainerRemoveParameters { Force = force, RemoveVolumes = removeVolumes }, cancellationToken));

    /// <summary>Describes a container: its state, labels and published ports.</summary>
    /// <exception cref="DockerException">No such container (<see cref="DockerException.IsNotFound"/>).</exception>
    public async Task<ContainerDetails> InspectContainerAsync(string container, CancellationToken cancellationToken)
    {
        var details = await CallAsync(client => client.Containers.InspectContainerAsync(container, cancellationToken));
        var state = details.State;
        return new ContainerDetails(
            details.ID ?? container,
            (details.Name ?? string.Empty).TrimStart('/'),
            details.Image ?? string.Empty,
            Labels(details.Config?.Labels),
            details.Config?.Tty ?? false,
            new ContainerState(
                state?.Status ?? "unknown",
                state?.Running ?? false,
                (int)(state?.ExitCode ?? 0),
                state?.OOMKilled ?? false,
                state?.Error is { Length: > 0 } error ? error : null,
                state?.Health?.Status is { Length: > 0 } health ? health : null),
            PublishedPorts(details.NetworkSettings?.Ports),
            RestartPolicyNameOf(details.HostConfig?.RestartPolicy?.Name));
    }

    /// <summary>Containers in any state carrying all of <paramref name="labels"/> (an empty value matches any value).</summary>
    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(
        IReadOnlyDictionary<string, string>? labels,
        CancellationToken cancellationToken)
    {
        var parameters = new ContainersListParameters { All = true, Filters = LabelFilters(labels) };
        var containers = await CallAsync(client => client.Containers.ListContainersAsync(parameters, cancellationToken));
        return containers
            .Select(container => new ContainerSummary(
                container.ID ?? string.Empty,
                (container.Names ?? []).Select(name => name.TrimStart('/')).ToList(),
                container.Image ?? string.Empty,
                container.State ?? "unknown",
                container.Status ?? string.Empty,
                Labels(container.Labels)))
            .ToList();
    }

    private static CreateContainerParameters CreateParameters(ContainerCreateRequest request)
    {
        var portKeys = request.Ports.ToDictionary(port => $"{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}/{port.Protocol}");
        return new CreateContainerParameters
        {
            Name = request.Name,
            Image = request.Image,
            Labels = new Dictionary<string, string>(request.Labels),
            Env = request.Environment.Select(pair => $"{pair.Key}={pair.Value}").ToList(),
            Cmd = request.Command?.ToList()!,
            Entrypoint = request.Entrypoint?.ToList()!,
            WorkingDir = request.WorkingDirectory!,
            User = request.User!,
            Tty = request.Tty,
            ExposedPorts = portKeys.Keys.ToDictionary(key => key, _ => default(EmptyStruct)),
            Healthcheck = request.HealthCheck is { } health
                ? new HealthcheckConfig { Test = ["CMD", .. health.Command], Interval = health.Interval, Timeout = TimeSpan.FromSeconds(10), Retries = 1000 }
                : null!,
            HostConfig = new HostConfig
            {
                PortBindings = portKeys.ToDictionary(
                    pair => pair.Key,
                    pair => (IList<Models.PortBinding>)[new Models.PortBinding
                    {
                        HostIP = pair.Value.HostAddress,
                        HostPort = pair.Value.HostPort == 0 ? string.Empty : pair.Value.HostPort.ToString(CultureInfo.InvariantCulture),
                    }]),
                Mounts = request.Mounts
                    .Select(mount => new Mount { Type = "bind", Source = mount.HostPath, Target = mount.ContainerPath, ReadOnly = mount.ReadOnly })
                    .Concat(request.Volumes.Select(volume => new Mount { Type = "volume", Source = volume.Volume, Target = volume.ContainerPath }))
                    .ToList(),
                AutoRemove = false,
                RestartPolicy = new RestartPolicy { Name = RestartPolicyKindOf(request.RestartPolicy) },
            },
        };
    }

    // The engine's names for restart policies, which the library's enum spells in its own way.
    private static RestartPolicyKind RestartPolicyKindOf(string name) => name switch
    {
        "always" => RestartPolicyKind.Always,
        "on-failure" => RestartPolicyKind.OnFailure,
        "unless-stopped" => RestartPolicyKind.UnlessStopped,
        _ => RestartPolicyKind.No,
    };

    private static string RestartPolicyNameOf(RestartPolicyKind? kind) => kind switch
    {
        RestartPolicyKind.Always => "always",
        RestartPolicyKind.OnFailure => "on-failure",
        RestartPolicyKind.UnlessStopped => "unless-stopped",
        _ => "no",
    };

    private static List<PublishedPort> PublishedPorts(IDictionary<string, IList<Models.PortBinding>>? ports)
    {
        var published = new List<PublishedPort>();
        foreach (var (key, bindings) in ports ?? new Dictionary<string, IList<Models.PortBinding>>())
        {
            var parts = key.Split('/');
            if (bindings is null || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var containerPort))
            {
                continue;
            }

            var protocol = parts.Length > 1 ? parts[1] : "tcp";
            foreach (var binding in bindings)
            {
                if (int.TryParse(binding.HostPort, CultureInfo.InvariantCulture, out var hostPort))
                {
                    published.Add(new PublishedPort(containerPort, protocol, binding.HostIP ?? string.Empty, hostPort));
                }
            }
        }

        return published;
    }
}
