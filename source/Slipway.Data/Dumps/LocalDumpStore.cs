namespace Slipway.Data.Dumps;

/// <summary>Dumps in a local folder (by default <c>.nuke/temp/dumps</c>): one folder per app.</summary>
public sealed class LocalDumpStore(string root) : IDumpStore
{
    private const string LatestPointer = "latest";

    public string Location => root;

    public async Task<StoredDump> SaveAsync(StoredDump dump, Func<Stream, CancellationToken, Task> write, int keep, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, dump.App);
        Directory.CreateDirectory(folder);
        var final = Path.Combine(folder, dump.Name);
        var partial = final + ".partial";
        try
        {
            await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file, cancellationToken);
            }

            File.Move(partial, final, overwrite: true);
        }
        finally
        {
            File.Delete(partial);
        }

        // Write-then-rename: a reader sees the old pointer or the new one, never half of one.
        var pointer = Path.Combine(folder, LatestPointer);
        await File.WriteAllTextAsync(pointer + ".new", dump.Name, CancellationToken.None);
        File.Move(pointer + ".new", pointer, overwrite: true);

        var dumps = await ListAsync(dump.App, CancellationToken.None);
        foreach (var old in dumps.Take(Math.Max(0, dumps.Count - Math.Max(1, keep))))
        {
            File.Delete(Path.Combine(folder, old.Name));
        }

        return dump;
    }

    public async Task<StoredDump?> FindLatestAsync(string app, CancellationToken cancellationToken)
    {
        var pointer = Path.Combine(root, app, LatestPointer);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = (await File.ReadAllTextAsync(pointer, cancellationToken)).Trim();
        return File.Exists(Path.Combine(root, app, name)) ? new StoredDump(app, name) : null;
    }

    public Task<IReadOnlyList<StoredDump>> ListAsync(string app, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(root, app);
        IReadOnlyList<StoredDump> dumps = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Where(StoredDump.IsDumpName)
                .Order(StringComparer.Ordinal).Select(name => new StoredDump(app, name)).ToList()
            : [];
        return Task.FromResult(dumps);
    }

    public Task<Stream> OpenReadAsync(StoredDump dump, CancellationToken cancellationToken)
    {
        var path = Path.Combine(root, dump.App, dump.Name);
        if (!File.Exists(path))
        {
            throw new DataException($"The dump {dump.Key} is missing from {root}: run DumpDatabase first.");
        }

        return Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true));
    }
}
