using System.Formats.Tar;
using Slipway.Docker.Engine;

namespace Slipway.Docker.Build;

/// <summary>
/// Streams a <see cref="BuildContext"/> as a tar archive, one entry at a time. Owners are written as root (0:0),
/// as the Docker CLI does, so the build cache does not depend on who checked the code out; modes and modification
/// times are kept, and symbolic links are stored as links, never followed.
/// </summary>
internal sealed class BuildContextTarWriter(BuildContext context)
{
    private const UnixFileMode LinkMode = (UnixFileMode)0b111_111_111;

    public async Task WriteAsync(Stream destination, CancellationToken cancellationToken)
    {
        // GNU format: long names cost an extra header only when a path is over 100 characters.
        var writer = new TarWriter(destination, TarEntryFormat.Gnu, leaveOpen: true);
        await using (writer)
        {
            foreach (var folder in context.Folders)
            {
                var root = new DirectoryInfo(folder.HostPath);
                if (folder.ContextPath.Length > 0)
                {
                    await WriteEntryAsync(writer, root, folder.ContextPath, cancellationToken);
                }

                await WriteChildrenAsync(writer, folder, root, string.Empty, cancellationToken);
            }

            foreach (var file in context.Files)
            {
                using var content = new MemoryStream(file.Content.ToArray(), writable: false);
                var entry = new GnuTarEntry(TarEntryType.RegularFile, file.ContextPath)
                {
                    Mode = file.Mode,
                    ModificationTime = DateTimeOffset.UnixEpoch,
                    DataStream = content,
                };
                await writer.WriteEntryAsync(entry, cancellationToken);
            }
        }
    }

    private static async Task WriteChildrenAsync(
        TarWriter writer,
        BuildContextFolder folder,
        DirectoryInfo directory,
        string relativeDirectory,
        CancellationToken cancellationToken)
    {
        IEnumerable<FileSystemInfo> children;
        try
        {
            children = directory.EnumerateFileSystemInfos().OrderBy(child => child.Name, StringComparer.Ordinal).ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(directory.FullName, exception);
        }

        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var relativePath = relativeDirectory.Length == 0 ? child.Name : relativeDirectory + "/" + child.Name;
            var isFolder = child is DirectoryInfo && child.LinkTarget is null;
            var excluded = folder.Excludes.Excludes(relativePath);

            // An excluded folder is still walked when a '!' line might bring back something inside it.
            if (excluded && !(isFolder && folder.Excludes.HasExceptions))
            {
                continue;
            }

            if (!excluded)
            {
                var entryName = folder.ContextPath.Length == 0 ? relativePath : folder.ContextPath + "/" + relativePath;
                await WriteEntryAsync(writer, child, entryName, cancellationToken);
            }

            if (isFolder)
            {
                await WriteChildrenAsync(writer, folder, (DirectoryInfo)child, relativePath, cancellationToken);
            }
        }
    }

    private static async Task WriteEntryAsync(TarWriter writer, FileSystemInfo info, string entryName, CancellationToken cancellationToken)
    {
        if (info.LinkTarget is { } linkTarget)
        {
            var link = new GnuTarEntry(TarEntryType.SymbolicLink, entryName)
            {
                LinkName = linkTarget,
                Mode = LinkMode,
                ModificationTime = info.LastWriteTimeUtc,
            };
            await writer.WriteEntryAsync(link, cancellationToken);
            return;
        }

        if (info is DirectoryInfo)
        {
            var directory = new GnuTarEntry(TarEntryType.Directory, entryName + "/")
            {
                Mode = info.UnixFileMode,
                ModificationTime = info.LastWriteTimeUtc,
            };
            await writer.WriteEntryAsync(directory, cancellationToken);
            return;
        }

        FileStream content;
        try
        {
            content = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(info.FullName, exception);
        }

        await using (content)
        {
            var file = new GnuTarEntry(TarEntryType.RegularFile, entryName)
            {
                Mode = info.UnixFileMode,
                ModificationTime = info.LastWriteTimeUtc,
                DataStream = content,
            };
            await writer.WriteEntryAsync(file, cancellationToken);
        }
    }

    private static DockerException Unreadable(string path, Exception exception) =>
        new($"Cannot read {path} for the image build context ({exception.Message}): fix its permissions or exclude it.", null, exception);
}
