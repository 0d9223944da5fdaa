namespace Slipway.Git.Checkout;

/// <summary>Decides whether a mirrored file must be rewritten.</summary>
internal static class FileComparison
{
    private const int BufferSize = 64 * 1024;

    /// <summary>
    /// Same size and modification time counts as the same (the quick check rsync makes); otherwise the
    /// bytes decide, so that a source whose files were merely touched (a fresh checkout) rewrites nothing.
    /// </summary>
    public static bool SameContent(FileInfo source, FileInfo target)
    {
        if (source.Length != target.Length)
        {
            return false;
        }

        if (source.LastWriteTimeUtc == target.LastWriteTimeUtc)
        {
            return true;
        }

        using var left = new FileStream(source.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize);
        using var right = new FileStream(target.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, BufferSize);
        var leftBuffer = new byte[BufferSize];
        var rightBuffer = new byte[BufferSize];
        while (true)
        {
            var read = left.ReadAtLeast(leftBuffer, BufferSize, throwOnEndOfStream: false);
            var readRight = right.ReadAtLeast(rightBuffer, BufferSize, throwOnEndOfStream: false);
            if (read != readRight || !leftBuffer.AsSpan(0, read).SequenceEqual(rightBuffer.AsSpan(0, readRight)))
            {
                return false;
            }

            if (read == 0)
            {
                return true;
            }
        }
    }

    /// <summary>Gives the target the source's permission bits (scripts such as devops_hooks must stay executable); does not touch the content or its time.</summary>
    public static void CopyPermissions(FileInfo source, FileInfo target)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var mode = File.GetUnixFileMode(source.FullName);
        if (File.GetUnixFileMode(target.FullName) != mode)
        {
            File.SetUnixFileMode(target.FullName, mode);
        }
    }

    /// <summary>True when the file can be executed by its owner (always false on Windows).</summary>
    public static bool IsExecutable(FileInfo file) =>
        !OperatingSystem.IsWindows() && (File.GetUnixFileMode(file.FullName) & UnixFileMode.UserExecute) != 0;
}
