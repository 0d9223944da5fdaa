namespace Slipway.Pipeline.Running;

/// <summary>
/// Shows that a run's process is still there: an exclusive lock on <c>run.lock</c> in the run's folder, held from
/// the run's start until it finishes. The operating system drops it when the process ends, even on kill -9, so a
/// later run or Doctor can tell a run that is still going from one whose process is gone.
/// </summary>
public sealed class RunLease : IDisposable
{
    private const string FileName = "run.lock";
    private readonly FileStream _lock;

    private RunLease(FileStream held) => _lock = held;

    /// <summary>Takes the lease of the run whose folder is <paramref name="runFolder"/>.</summary>
    public static RunLease Take(string runFolder)
    {
        Directory.CreateDirectory(runFolder);
        return new RunLease(new FileStream(Path.Combine(runFolder, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
    }

    /// <summary>
    /// True when a process holds the lease of the run in <paramref name="runFolder"/>; false when the run never took
    /// one here or its process is gone.
    /// </summary>
    public static bool IsHeld(string runFolder)
    {
        var file = Path.Combine(runFolder, FileName);
        if (!File.Exists(file))
        {
            return false;
        }

        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return false;
        }
        catch (FileNotFoundException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>True when the run in <paramref name="runFolder"/> took a lease here at some point.</summary>
    public static bool WasTaken(string runFolder) => File.Exists(Path.Combine(runFolder, FileName));

    public void Dispose() => _lock.Dispose();
}
