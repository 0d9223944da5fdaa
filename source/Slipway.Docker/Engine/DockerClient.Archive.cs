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

    /// <summary>The text of one file inside a container (created, running or stopped); null when it has no such file.</summary>
    public async Task<string?> ReadFileFromContainerAsync(string container, string path, CancellationToken cancellationToken)
    {
        try
        {
            var archive = await CallAsync(client => client.Containers.GetArchiveFromContainerAsync(
                container, new ContainerPathStatParameters { Path = path }, statOnly: false, cancellationToken));
            await using var stream = archive.Stream ?? Stream.Null;
            using var reader = new System.Formats.Tar.TarReader(stream);
            var entry = await reader.GetNextEntryAsync(copyData: true, cancellationToken);
            if (entry?.DataStream is null)
            {
                return null;
            }

            using var text = new StreamReader(entry.DataStream);
            return await text.ReadToEndAsync(cancellationToken);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            return null;
        }
    }
}
