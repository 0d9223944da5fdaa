using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>
    /// Creates a bridge network with <paramref name="labels"/> and returns its id; when a network of that name exists,
    /// returns its id instead (the engine would otherwise make a second network of the same name).
    /// </summary>
    public async Task<string> CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        if (await FindNetworkAsync(name, cancellationToken) is { } existing)
        {
            return existing;
        }

        var created = await CallAsync(client => client.Networks.CreateNetworkAsync(
            new NetworksCreateParameters { Name = name, Driver = "bridge", Labels = new Dictionary<string, string>(labels) }, cancellationToken));
        return created.ID ?? throw new DockerException($"The Docker engine created network {name} without returning its id.");
    }

    /// <summary>Removes a network; one already gone is not an error.</summary>
    /// <exception cref="DockerException">Containers are still connected to it.</exception>
    public async Task RemoveNetworkAsync(string network, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(client => client.Networks.DeleteNetworkAsync(network, cancellationToken));
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already gone.
        }
    }

    /// <summary>
    /// Connects a container (created or running) to a network, where the other containers reach it by its name and by
    /// <paramref name="aliases"/>.
    /// </summary>
    public Task ConnectNetworkAsync(string network, string container, CancellationToken cancellationToken, params string[] aliases) =>
        CallAsync(client => client.Networks.ConnectNetworkAsync(
            network,
            new NetworkConnectParameters
            {
                Container = container,
                EndpointConfig = aliases.Length == 0 ? null! : new EndpointSettings { Aliases = aliases.ToList() },
            },
            cancellationToken));

    /// <summary>The id of the network named exactly <paramref name="name"/>; null when there is none.</summary>
    public async Task<string?> FindNetworkAsync(string name, CancellationToken cancellationToken)
    {
        var networks = await CallAsync(client => client.Networks.ListNetworksAsync(
            new NetworksListParameters { Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } } },
            cancellationToken));
        // The engine's name filter matches parts of names too.
        return networks.FirstOrDefault(network => network.Name == name)?.ID;
    }
}
