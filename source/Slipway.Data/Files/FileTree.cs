using System.Security.Cryptography;

namespace Slipway.Data.Files;

/// <summary>
/// The regular files under a folder by relative path ('/'-separated), and what a mirror of them must copy and
/// remove. Links are not followed: a link in the source could otherwise copy any file the host can read.
/// </summary>
internal static class FileTree
{
    private static readonly EnumerationOptions Walk = new()
    {
        RecurseSubdirectories = true,
        AttributesToSkip = FileAttributes.ReparsePoint,
        IgnoreInaccessible = false,
    };

    /// <summary>Relative path → file; empty when the folder does not exist.</summary>
    public static IReadOnlyDictionary<string, FileInfo> List(string root) =>
        !Directory.Exists(root)
            ? new Dictionary<string, FileInfo>()
            : new DirectoryInfo(root).EnumerateFiles("*", Walk)
                .ToDictionary(file => Path.GetRelativePath(root, file.FullName).Replace(Path.DirectorySeparatorChar, '/'), StringComparer.Ordinal);

    /// <summary>The source folder's files; one sentence when it is missing.</summary>
    public static IReadOnlyDictionary<string, FileInfo> Source(string sourceFolder) =>
        Directory.Exists(sourceFolder)
            ? List(sourceFolder)
            : throw new DataException($"The files source folder {sourceFolder} does not exist: fix --files-source.");

    /// <summary>The file's MD5 in lower-case hex: what S3 reports as the ETag of an object uploaded in one part.</summary>
    public static async Task<string> Md5Async(FileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenRead();
        return Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken));
    }

    /// <summary>What makes <paramref name="target"/> equal <paramref name="source"/>, each given as path → fingerprint.</summary>
    public static SyncPlan Plan(IReadOnlyDictionary<string, string> source, IReadOnlyDictionary<string, string> target) => new(
        source.Where(file => target.GetValueOrDefault(file.Key) != file.Value).Select(file => file.Key).Order(StringComparer.Ordinal).ToList(),
        target.Keys.Where(path => !source.ContainsKey(path)).Order(StringComparer.Ordinal).ToList(),
        source.Count(file => target.GetValueOrDefault(file.Key) == file.Value));
}

/// <summary>The relative paths to copy and to remove, and how many were already the same.</summary>
internal sealed record SyncPlan(IReadOnlyList<string> Copy, IReadOnlyList<string> Remove, int Unchanged)
{
    public FileSyncReport Report => new(Copy.Count, Remove.Count, Unchanged);
}
