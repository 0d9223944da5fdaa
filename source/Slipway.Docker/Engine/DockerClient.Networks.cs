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
        return created.ID ?? throw new DockerException("The Docker engine created a network without returning its id.");
    }

    /// <summary>Removes a network; its containers must be gone or disconnected first.</summary>
    /// <exception cref="DockerException">No such network (<see cref="DockerException.IsNotFound"/>), or containers still use it.</exception>
    public Task RemoveNetworkAsync(string network, CancellationToken cancellationToken) =>
        CallAsync(client => client.Networks.DeleteNetworkAsync(network, cancellationToken));

    /// <summary>Connects a container (created or running) to a network, where the others reach it by <paramref name="aliases"/>.</summary>
    public Task ConnectNetworkAsync(string network, string container, IReadOnlyList<string> aliases, CancellationToken cancellationToken) =>
        CallAsync(client => client.Networks.ConnectNetworkAsync(
            network,
            new NetworkConnectParameters { Container = container, EndpointConfig = new EndpointSettings { Aliases = aliases.ToList() } },
            cancellationToken));

    /// <summary>Networks carrying all of <paramref name="labels"/> (an empty value matches any value).</summary>
    public async Task<IReadOnlyList<NetworkSummary>> ListNetworksAsync(IReadOnlyDictionary<string, string>? labels, CancellationToken cancellationToken)
    {
        var parameters = new NetworksListParameters { Filters = LabelFilters(labels) };
        var networks = await CallAsync(client => client.Networks.ListNetworksAsync(parameters, cancellationToken));
        return networks.Select(network => new NetworkSummary(network.ID ?? string.Empty, network.Name ?? string.Empty, Labels(network.Labels), network.Internal)).ToList();
    }
}
