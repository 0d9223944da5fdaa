using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>What this installation made on the engine, found by its labels, and its removal.</summary>
public sealed partial class DockerPlatform
{
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

    private static Dictionary<string, string> SlipwayLabels(IReadOnlyDictionary<string, string> labels) =>
        labels.Where(label => label.Key.StartsWith("slipway:", StringComparison.Ordinal))
            .ToDictionary(label => label.Key, label => label.Value);
}
