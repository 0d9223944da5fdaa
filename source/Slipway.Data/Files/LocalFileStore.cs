namespace Slipway.Data.Files;

/// <summary>
/// The files in <c>&lt;root&gt;/&lt;app&gt;</c> (by default <c>&lt;work directory&gt;/files</c>). A file counts as
/// unchanged when its size and modification time match the source's; a copy goes through a temporary name, so a
/// playground started meanwhile never gets half a file.
/// </summary>
public sealed class LocalFileStore(string root) : IFileStore
{
    public string Location => root;

    public async Task<FileSyncReport> SyncAsync(string app, string sourceFolder, CancellationToken cancellationToken)
    {
        var source = FileTree.Source(sourceFolder);
        var folder = FolderOf(app);
        var plan = FileTree.Plan(Fingerprints(source), Fingerprints(FileTree.List(folder)));
        await MirrorAsync(source, folder, plan, cancellationToken);
        return plan.Report;
    }

    public Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken) =>
        Task.FromResult(Directory.Exists(FolderOf(app)) ? FolderOf(app) : null);

    /// <summary>A folder of this machine cannot be reached from a task elsewhere.</summary>
    public bool HandsOutUrls => false;

    public Task<FilesSnapshotUrl?> SnapshotUrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken) => Task.FromResult<FilesSnapshotUrl?>(null);

    /// <summary>Copies and removes what <paramref name="plan"/> says, from <paramref name="source"/> into <paramref name="folder"/>.</summary>
    internal static async Task MirrorAsync(IReadOnlyDictionary<string, FileInfo> source, string folder, SyncPlan plan, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        foreach (var path in plan.Copy)
        {
            var file = source[path];
            await CopyAsync(file.OpenRead(), Path.Combine(folder, path), file.LastWriteTimeUtc, cancellationToken);
        }

        foreach (var path in plan.Remove)
        {
            File.Delete(Path.Combine(folder, path));
        }
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="destination"/> through a temporary name.</summary>
    internal static async Task CopyAsync(Stream content, string destination, DateTime? modifiedUtc, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temporary = destination + ".slipway-part";
        await using (content)
        await using (var target = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await content.CopyToAsync(target, cancellationToken);
        }

        if (modifiedUtc is { } time)
        {
            File.SetLastWriteTimeUtc(temporary, time);
        }

        File.Move(temporary, destination, overwrite: true);
    }

    private string FolderOf(string app) => Path.Combine(root, app);

    private static Dictionary<string, string> Fingerprints(IReadOnlyDictionary<string, FileInfo> files) =>
        files.ToDictionary(file => file.Key, file => $"{file.Value.Length}:{file.Value.LastWriteTimeUtc.Ticks}", StringComparer.Ordinal);
}
