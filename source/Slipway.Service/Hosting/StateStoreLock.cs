using System.Globalization;

namespace Slipway.Service.Hosting;

/// <summary>
/// Makes sure only one service uses a state store: a second one would take the first one's running runs for
/// interrupted, run them again at the same time and leave the store disagreeing with what happened. The lock is
/// an exclusive lock on a file beside the database, which the operating system releases when the holder exits,
/// even on kill -9, so a restarted service never finds a stale one.
/// </summary>
public sealed class StateStoreLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private StateStoreLock(FileStream held, string ownerFile)
    {
        _lock = held;
        _ownerFile = ownerFile;
    }

    /// <summary>Takes the lock of the store at <paramref name="databasePath"/>.</summary>
    /// <exception cref="ServiceSettingsException">Another service holds it (the message names its process when known).</exception>
    public static StateStoreLock Acquire(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        Directory.CreateDirectory(folder);
        var lockFile = Path.Combine(folder, Path.GetFileName(databasePath) + ".serve.lock");
        var ownerFile = Path.Combine(folder, Path.GetFileName(databasePath) + ".serve.pid");
        FileStream held;
        try
        {
            // FileShare.None is an exclusive, non-blocking flock on Unix and a sharing lock on Windows.
            held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            var owner = ReadOwner(ownerFile);
            throw new ServiceSettingsException(
                $"Another Slipway service{owner} already uses the state in {folder}; stop it first, or give this one its own --work-directory.");
        }

        File.WriteAllText(ownerFile, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        return new StateStoreLock(held, ownerFile);
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_ownerFile);
        }
        catch (IOException)
        {
            // Only a hint for the message above; the lock itself is what counts.
        }

        _lock.Dispose();
    }

    private static string ReadOwner(string ownerFile)
    {
        try
        {
            var text = File.ReadAllText(ownerFile).Trim();
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? $" (process {pid})" : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }
}
