using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Creates a named volume with <paramref name="labels"/>; an existing volume of that name is kept as it is.</summary>
    public Task CreateVolumeAsync(string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken) =>
        CallAsync(client => client.Volumes.CreateAsync(
            new VolumesCreateParameters { Name = name, Labels = new Dictionary<string, string>(labels) }, cancellationToken));

    /// <summary>The labels of a named volume; null when there is no such volume.</summary>
    public async Task<IReadOnlyDictionary<string, string>?> InspectVolumeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            var volume = await CallAsync(client => client.Volumes.InspectAsync(name, cancellationToken));
            return Labels(volume.Labels);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Removes a named volume and its data; a volume already gone is not an error.</summary>
    /// <exception cref="DockerException">The volume is in use by a container (<see cref="DockerException.IsConflict"/>).</exception>
    public async Task RemoveVolumeAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync(client => client.Volumes.RemoveAsync(name, force: false, cancellationToken));
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already gone.
        }
    }
}
