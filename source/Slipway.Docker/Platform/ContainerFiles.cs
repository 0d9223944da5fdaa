using System.Formats.Tar;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// Gives a created container its own copy of a host folder (<see cref="ServiceSpec.Files"/>) through the engine, before
/// it starts: the service may write to its copy, nothing it does reaches the store, and the copy goes with the
/// container. The archive is built in a temporary file, so memory does not grow with the files. Entries are owned by
/// root, files 0644 and folders 0755; the app image's start script hands its writable paths to the web server.
/// Links are not followed.
/// </summary>
internal static class ContainerFiles
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static readonly EnumerationOptions Walk = new() { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = false };

    public static async Task CopyAsync(DockerClient client, string containerId, ServiceFiles? files, CancellationToken cancellationToken)
    {
        if (files is null || !Directory.Exists(files.HostFolder))
        {
            return;
        }

        var archivePath = Path.Combine(Path.GetTempPath(), $"slipway-files-{Guid.NewGuid():N}.tar");
        try
        {
            await using (var archive = new FileStream(archivePath, System.IO.FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true))
            {
                await WriteAsync(archive, files, cancellationToken);
                archive.Position = 0;
                await client.CopyIntoContainerAsync(containerId, "/", archive, cancellationToken);
            }
        }
        finally
        {
            File.Delete(archivePath);
        }
    }

    private static async Task WriteAsync(Stream archive, ServiceFiles files, CancellationToken cancellationToken)
    {
        // Relative to the container's root; the engine makes the missing folders above it.
        var target = files.ContainerPath.Trim('/');
        await using var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true);
        await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, target + "/") { Mode = FolderMode }, cancellationToken);
        var root = new DirectoryInfo(files.HostFolder);
        foreach (var entry in root.EnumerateFileSystemInfos("*", Walk).OrderBy(entry => entry.FullName, StringComparer.Ordinal))
        {
            var name = $"{target}/{Path.GetRelativePath(root.FullName, entry.FullName).Replace(Path.DirectorySeparatorChar, '/')}";
            if (entry is DirectoryInfo)
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, name + "/") { Mode = FolderMode }, cancellationToken);
            }
            else if (entry is FileInfo file && !file.Name.EndsWith(".slipway-part", StringComparison.Ordinal))
            {
                await using var content = file.OpenRead();
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.RegularFile, name) { Mode = FileMode, DataStream = content }, cancellationToken);
            }
        }
    }
}
