using System.Formats.Tar;
using System.IO.Compression;

namespace Slipway.Data.Files;

/// <summary>
/// One gzip-compressed tar of an app's files, for a playground that cannot be handed a folder (a Fargate task): its
/// start script fetches and unpacks it (<c>docker/app/slipway-files.sh</c>). Only folders and regular files, by
/// relative paths, owned by root (files 0644, folders 0755); written entry by entry, so memory does not grow with
/// the files.
/// </summary>
internal static class FilesSnapshot
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>Writes <paramref name="files"/> (relative path → file, as <see cref="FileTree.List"/> gives them) to <paramref name="destination"/>.</summary>
    public static async Task WriteAsync(IReadOnlyDictionary<string, FileInfo> files, Stream destination, CancellationToken cancellationToken)
    {
        await using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
        await using var writer = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true);
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (path, file) in files.OrderBy(file => file.Key, StringComparer.Ordinal))
        {
            foreach (var folder in FoldersAbove(path).Where(folders.Add))
            {
                await writer.WriteEntryAsync(new PaxTarEntry(TarEntryType.Directory, folder + "/") { Mode = FolderMode }, cancellationToken);
            }

            await using var content = file.OpenRead();
            await writer.WriteEntryAsync(
                new PaxTarEntry(TarEntryType.RegularFile, path) { Mode = FileMode, ModificationTime = file.LastWriteTimeUtc, DataStream = content },
                cancellationToken);
        }
    }

    // "a/b/c.png" → "a", "a/b".
    private static IEnumerable<string> FoldersAbove(string path)
    {
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            yield return path[..slash];
        }
    }
}
