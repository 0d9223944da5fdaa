namespace Slipway.Git.Checkout;

/// <summary>The entries of a folder that a mirror copies and a content hash covers.</summary>
internal static class FolderEntries
{
    /// <summary>The folder's entries except <c>.git</c> and build output folders.</summary>
    public static IEnumerable<FileSystemInfo> Mirrored(DirectoryInfo folder) =>
        folder.EnumerateFileSystemInfos()
            .Where(entry => !BuildOutputFolders.IsLeftAloneByMirror(entry.Name));

    /// <summary>
    /// True when the entry is the given folder or a folder on the way to it. The work folder may live
    /// inside the source (a repository's own .nuke/temp): neither it nor the folders holding it are app content.
    /// </summary>
    public static bool IsOrHolds(FileSystemInfo entry, string folder) =>
        string.Equals(entry.FullName, folder, StringComparison.Ordinal)
        || (entry is DirectoryInfo && folder.StartsWith(entry.FullName + Path.DirectorySeparatorChar, StringComparison.Ordinal));

    /// <summary>Links first: a link to a folder is copied as a link, never followed.</summary>
    public static EntryType TypeOf(FileSystemInfo entry) =>
        entry.LinkTarget is not null ? EntryType.Link
        : entry is DirectoryInfo ? EntryType.Folder
        : EntryType.File;
}
