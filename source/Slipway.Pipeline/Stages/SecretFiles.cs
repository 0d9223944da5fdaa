namespace Slipway.Pipeline.Stages;

/// <summary>
/// A run's secrets as files only the owner can read, in a folder of the run's own that is mounted read-only into
/// its task and deleted when the task is done (or, after a kill -9, by the next run's <see cref="Running.LeftoverSweeper"/>).
/// </summary>
public sealed class SecretFiles : IDisposable
{
    /// <summary>Where the task sees the files; the build script reads <c>DATABASE_URL_FILE</c> from here.</summary>
    public const string ContainerFolder = "/run/slipway-secrets";

    private SecretFiles(string folder) => Folder = folder;

    /// <summary>The folder on this machine.</summary>
    public string Folder { get; }

    /// <summary>Writes the secrets (file name → value); null when there are none.</summary>
    public static SecretFiles? Write(string folder, IReadOnlyDictionary<string, string> secrets)
    {
        if (secrets.Count == 0)
        {
            return null;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
        }
        else
        {
            Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        foreach (var (name, value) in secrets)
        {
            var file = Path.Combine(folder, name);
            using var stream = OperatingSystem.IsWindows()
                ? new FileStream(file, FileMode.Create, FileAccess.Write)
                : new FileStream(file, new FileStreamOptions
                {
                    Mode = FileMode.Create,
                    Access = FileAccess.Write,
                    UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
                });
            using var writer = new StreamWriter(stream);
            writer.Write(value);
        }

        return new SecretFiles(folder);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
    }
}
