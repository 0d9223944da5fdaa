using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>
    /// Creates a bridge network and returns its id. An internal one has no way out of the host: its containers
    /// reach each other by name and nothing else.
    /// </summary>
    /// <exception cref="DockerException">The name is in use (<see cref="DockerException.IsConflict"/>).</exception>
    public async Task<string> CreateNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, bool isInternal, CancellationToken cancellationToken)
    {
        var parameters = new NetworksCreateParameters
        {
            Name = name,
            Driver = "bridge",
            Internal = isInternal,
            Labels = new Dictionary<string, string>(labels),
        };
        var created = await CallAsync(client => client.Networks.CreateNetworkAsync(parameters, cancellationToken));
        return created.ID ?? throw new DockerException($"The Docker engine created network {name} without returning its id.");
    }

    /// <summary>
    /// The id of the bridge network named <paramref name="name"/>, created with <paramref name="labels"/> when there is
    /// none (the engine would otherwise make a second network of the same name).
    /// </summary>
    public async Task<string> EnsureNetworkAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        await FindNetworkAsync(name, cancellationToken) ?? await CreateNetworkAsync(name, labels, isInternal: false, cancellationToken);

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
    public Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string> aliases, CancellationToken cancellationToken) =>
        CallAsync(client => client.Networks.ConnectNetworkAsync(
            network,
            new NetworkConnectParameters
            {
                Container = container,
                EndpointConfig = aliases.Count == 0 ? null! : new EndpointSettings { Aliases = aliases.ToList() },
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

    /// <summary>Networks carrying all of <paramref name="labels"/> (an empty value matches any value).</summary>
    public async Task<IReadOnlyList<NetworkSummary>> ListNetworksAsync(IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        var parameters = new NetworksListParameters { Filters = LabelFilters(labels) };
        var networks = await CallAsync(client => client.Networks.ListNetworksAsync(parameters, cancellationToken));
        return networks.Select(network => new NetworkSummary(network.ID ?? string.Empty, network.Name ?? string.Empty, Labels(network.Labels), network.Internal)).ToList();
    }
}
