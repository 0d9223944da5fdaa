using System.Formats.Tar;
using System.Text;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// Hands a container its secrets as files in <see cref="TaskSecrets.Folder"/>, written into the container's own
/// filesystem after it is created and before it starts: never in its configuration (which <c>docker inspect</c>
/// shows to anyone who can reach the engine), never on a host disk Slipway would have to clean, and gone with the
/// container, including after a kill -9 of Slipway (the container is then a leftover the next run removes).
/// </summary>
internal static class ContainerSecrets
{
    /// <summary>
    /// <paramref name="environment"/> plus <c>NAME_FILE</c> for each secret. The values themselves stay out of it.
    /// </summary>
    public static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string>? environment, IReadOnlyDictionary<string, string>? secrets)
    {
        TaskSecrets.CheckNames(secrets);
        var combined = new Dictionary<string, string>(environment ?? new Dictionary<string, string>());
        foreach (var name in secrets?.Keys ?? [])
        {
            combined.Remove(name);
            combined[TaskSecrets.FileVariable(name)] = TaskSecrets.PathOf(name);
        }

        return combined;
    }

    /// <summary>Writes the secret files into the created container; nothing when there are none.</summary>
    public static async Task CopyAsync(DockerClient client, string containerId, IReadOnlyDictionary<string, string>? secrets, CancellationToken cancellationToken)
    {
        if (secrets is not { Count: > 0 })
        {
            return;
        }

        using var archive = new MemoryStream();
        await using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var folder = TaskSecrets.Folder.TrimStart('/');
            // Readable by every user of the container: its web server runs as www-data, whose id differs from image
            // to image. The container is the app's alone; anyone who can exec into it could read its environment too.
            var readable = UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
            await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, folder + "/") { Mode = readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute }, cancellationToken);
            foreach (var (name, value) in secrets)
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, $"{folder}/{name}")
                {
                    Mode = readable,
                    DataStream = new MemoryStream(Encoding.UTF8.GetBytes(value)),
                };
                await writer.WriteEntryAsync(entry, cancellationToken);
            }
        }

        archive.Position = 0;
        await client.CopyIntoContainerAsync(containerId, "/", archive, cancellationToken);
    }
}
