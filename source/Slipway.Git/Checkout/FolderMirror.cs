namespace Slipway.Git.Checkout;

/// <summary>How much a mirror run changed.</summary>
public sealed record MirrorReport(int Copied, int Unchanged, int Deleted);

/// <summary>
/// Makes a target folder hold the same files as a source folder, incrementally: new and changed files
/// are copied, removed ones deleted, and an unchanged file is not rewritten, so its modification time
/// stays and caches keyed on it stay valid. <c>.git</c> and build output folders are skipped on both
/// sides: the target keeps its own.
/// </summary>
public static class FolderMirror
{
    /// <summary>Mirrors <paramref name="source"/> into <paramref name="target"/> (created when missing).</summary>
    public static MirrorReport Mirror(string source, string target, CancellationToken cancellationToken)
    {
        var run = new MirrorRun(Path.GetFullPath(target), cancellationToken);
        run.MirrorFolder(new DirectoryInfo(Path.GetFullPath(source)), run.TargetRoot);
        return new MirrorReport(run.Copied, run.Unchanged, run.Deleted);
    }

    private sealed class MirrorRun(string targetRoot, CancellationToken cancellationToken)
    {
        public string TargetRoot { get; } = targetRoot;

        public int Copied { get; private set; }

        public int Unchanged { get; private set; }

        public int Deleted { get; private set; }

        public void MirrorFolder(DirectoryInfo source, string target)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Directory.CreateDirectory(target);
            var sourceEntries = FolderEntries.Mirrored(source)
                .Where(entry => !FolderEntries.IsOrHolds(entry, TargetRoot))
                .ToDictionary(entry => entry.Name, StringComparer.Ordinal);

            foreach (var stale in FolderEntries.Mirrored(new DirectoryInfo(target)))
            {
                if (!sourceEntries.TryGetValue(stale.Name, out var match) || FolderEntries.TypeOf(match) != FolderEntries.TypeOf(stale))
                {
                    Delete(stale);
                }
            }

            foreach (var entry in sourceEntries.Values)
            {
                var targetPath = Path.Combine(target, entry.Name);
                switch (FolderEntries.TypeOf(entry))
                {
                    case EntryType.Link:
                        MirrorLink(entry, targetPath);
                        break;
                    case EntryType.Folder:
                        MirrorFolder((DirectoryInfo)entry, targetPath);
                        break;
                    default:
                        MirrorFile((FileInfo)entry, targetPath);
                        break;
                }
            }
        }

        private void MirrorFile(FileInfo source, string targetPath)
        {
            var target = new FileInfo(targetPath);
            if (target.Exists && FileComparison.SameContent(source, target))
            {
                FileComparison.CopyPermissions(source, target);
                Unchanged++;
                return;
            }

            source.CopyTo(targetPath, overwrite: true);
            File.SetLastWriteTimeUtc(targetPath, source.LastWriteTimeUtc);
            FileComparison.CopyPermissions(source, new FileInfo(targetPath));
            Copied++;
        }

        private void MirrorLink(FileSystemInfo source, string targetPath)
        {
            var linkTarget = source.LinkTarget!;
            var existing = new FileInfo(targetPath);
            if (existing.LinkTarget == linkTarget)
            {
                Unchanged++;
                return;
            }

            if (existing.Exists || existing.LinkTarget is not null)
            {
                existing.Delete();
            }

            if (source is DirectoryInfo)
            {
                Directory.CreateSymbolicLink(targetPath, linkTarget);
            }
            else
            {
                File.CreateSymbolicLink(targetPath, linkTarget);
            }

            Copied++;
        }

        private void Delete(FileSystemInfo entry)
        {
            if (entry is DirectoryInfo folder && entry.LinkTarget is null)
            {
                folder.Delete(recursive: true);
            }
            else
            {
                entry.Delete();
            }

            Deleted++;
        }
    }
}
