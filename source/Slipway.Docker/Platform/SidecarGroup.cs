using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// The services beside one task or playground: a network of their own (internal: no way out of the host, nothing
/// published), one container per service reachable by its name, and the task's container joined to it as
/// <see cref="TaskAlias"/>. Removed together, containers first.
/// </summary>
internal sealed class SidecarGroup
{
    /// <summary>
    /// The name the services reach the task's own container by. Not a bare word such as "app": browsers take a
    /// single label for a top-level domain, and .app is on Chrome's HTTPS-only list.
    /// </summary>
    public const string TaskAlias = "slipway-task";

    private static readonly TimeSpan CheckInterval = TimeSpan.FromSeconds(1);

    private readonly DockerClient client;
    private readonly List<string> containers = [];
    private string? networkId;

    private SidecarGroup(DockerClient client) => this.client = client;

    /// <summary>
    /// Creates the network and starts every service, then waits until each passes its readiness check. What a
    /// failed or cancelled start created is removed before the error goes on.
    /// </summary>
    /// <param name="name">The network's name; each service's container is named <c>name-service</c>.</param>
    /// <param name="labels">The ownership labels of the task served; the role label is added here.</param>
    public static async Task<SidecarGroup> StartAsync(
        DockerClient client,
        string name,
        IReadOnlyList<SidecarSpec> sidecars,
        IReadOnlyDictionary<string, string> labels,
        DockerPlatformOptions options,
        string restartPolicy,
        CancellationToken cancellationToken)
    {
        var group = new SidecarGroup(client);
        try
        {
            group.networkId = await client.CreateNetworkAsync(name, WithRole(labels, "network"), isInternal: true, cancellationToken);
            foreach (var sidecar in sidecars)
            {
                var request = new ContainerCreateRequest(sidecar.Image)
                {
                    Name = $"{name}-{sidecar.Name}",
                    Labels = WithRole(labels, "service"),
                    Environment = sidecar.Environment ?? new Dictionary<string, string>(),
                    HealthCheck = sidecar.ReadyCommand is { } command ? new HealthCheck(command, CheckInterval) : null,
                    RestartPolicy = restartPolicy,
                };
                var id = await client.CreateContainerAsync(request, cancellationToken);
                group.containers.Add(id);
                await client.ConnectNetworkAsync(group.networkId, id, [sidecar.Name], cancellationToken);
                await client.StartContainerAsync(id, cancellationToken);
            }

            await new SidecarReadiness(client, options.SidecarReadyTimeout).WaitAsync(sidecars, group.containers, cancellationToken);
            return group;
        }
        catch
        {
            await group.RemoveAsync();
            throw;
        }
    }

    /// <summary>Joins the task's container (created, not yet started) to the services' network.</summary>
    public Task JoinAsync(string containerId, CancellationToken cancellationToken) =>
        client.ConnectNetworkAsync(networkId!, containerId, [TaskAlias], cancellationToken);

    /// <summary>Removes the services and their network: every step is tried; what stayed is returned.</summary>
    public async Task<IReadOnlyList<Leftover>> RemoveAsync()
    {
        var leftovers = new List<Leftover>();
        foreach (var container in containers)
        {
            try
            {
                await client.RemoveContainerAsync(container, force: true, removeVolumes: true, CancellationToken.None);
            }
            catch (DockerException exception) when (!exception.IsNotFound)
            {
                leftovers.Add(new Leftover($"service container {container[..12]}", exception.Message));
            }
        }

        if (networkId is not null)
        {
            try
            {
                await client.RemoveNetworkAsync(networkId, CancellationToken.None);
            }
            catch (DockerException exception) when (!exception.IsNotFound)
            {
                leftovers.Add(new Leftover($"network {networkId[..12]}", exception.Message));
            }
        }

        return leftovers;
    }

    private static Dictionary<string, string> WithRole(IReadOnlyDictionary<string, string> labels, string role) =>
        new(labels) { [Ownership.RoleLabel] = role };
}
