using System.Security.Cryptography;
using System.Text;

namespace Slipway.Git.Checkout;

/// <summary>
/// A hash of a plain folder's content that stands in for a commit id: the same files (relative paths,
/// bytes, executable bit, link targets) give the same hash, wherever the folder is and whatever the
/// files' times. <c>.git</c> and build output folders are left out, as the mirror leaves them out.
/// </summary>
public static class FolderContentHash
{
    /// <summary>Length of the hash in hex digits: that of a git commit id, so that it fits wherever one fits.</summary>
    public const int Length = 40;

    /// <summary>Hashes the folder's mirrored content.</summary>
    /// <param name="folder">The folder to hash.</param>
    /// <param name="skippedPath">A full path inside the folder to leave out (the work folder, when it lives inside the source).</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public static string Compute(string folder, string? skippedPath, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(Path.GetFullPath(folder));
        var entries = new List<(string RelativePath, FileSystemInfo Entry)>();
        Collect(root, string.Empty, skippedPath is null ? null : Path.GetFullPath(skippedPath), entries, cancellationToken);
        entries.Sort((left, right) => string.CompareOrdinal(left.RelativePath, right.RelativePath));

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relativePath, entry) in entries)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (FolderEntries.TypeOf(entry) == EntryType.Link)
            {
                Append(hash, $"link\0{relativePath}\0{entry.LinkTarget}\0");
                continue;
            }

            var file = (FileInfo)entry;
            Append(hash, $"file\0{relativePath}\0{(FileComparison.IsExecutable(file) ? "x" : "-")}\0{file.Length}\0");
            using var content = file.OpenRead();
            hash.AppendData(SHA256.HashData(content));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..Length];
    }

    private static void Collect(
        DirectoryInfo folder,
        string prefix,
        string? skippedPath,
        List<(string, FileSystemInfo)> entries,
        CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var entry in FolderEntries.Mirrored(folder))
        {
            if (skippedPath is not null && FolderEntries.IsOrHolds(entry, skippedPath))
            {
                continue;
            }

            var relativePath = prefix + entry.Name;
            if (FolderEntries.TypeOf(entry) == EntryType.Folder)
            {
                Collect((DirectoryInfo)entry, relativePath + "/", skippedPath, entries, cancellationToken);
            }
            else
            {
                entries.Add((relativePath, entry));
            }
        }
    }

    private static void Append(IncrementalHash hash, string text) => hash.AppendData(Encoding.UTF8.GetBytes(text));
}
