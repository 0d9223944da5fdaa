using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>
    /// Unpacks a tar archive into a container's own filesystem at <paramref name="path"/> (which must exist), e.g.
    /// before it starts. What is put there is not part of the container's configuration, so <c>docker inspect</c>
    /// never shows it, and it goes when the container goes.
    /// </summary>
    public Task CopyIntoContainerAsync(string container, string path, Stream tarArchive, CancellationToken cancellationToken) =>
        CallAsync(client => client.Containers.ExtractArchiveToContainerAsync(
            container, new CopyToContainerParameters { Path = path }, tarArchive, cancellationToken));
}
