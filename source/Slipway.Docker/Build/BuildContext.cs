using System.Text;

namespace Slipway.Docker.Build;

/// <summary>
/// What an image build sees, assembled from host folders (each at its own path inside the context, with its own
/// excludes) and in-memory files, and streamed to the engine as a tar without copying anything first. Files
/// keep their modes and modification times; symbolic links stay links.
/// </summary>
/// <example>
/// <code>
/// new BuildContext()
///     .AddFile("Dockerfile", dockerfileText)
///     .AddFolder("src/vendor", "vendor")
///     .AddFolder("src", "code", ExcludePatterns.Parse(["vendor", ".git", "node_modules"]));
/// </code>
/// </example>
public sealed class BuildContext
{
    private const UnixFileMode DefaultFileMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private readonly List<BuildContextFolder> folders = [];
    private readonly List<BuildContextFile> files = [];

    /// <summary>The host folders, in the order they are written.</summary>
    public IReadOnlyList<BuildContextFolder> Folders => folders;

    /// <summary>The in-memory files; written after the folders, so they win over a host file at the same path.</summary>
    public IReadOnlyList<BuildContextFile> Files => files;

    /// <summary>
    /// The whole of <paramref name="folder"/> as the context root, minus what its .dockerignore excludes; the
    /// Dockerfile and .dockerignore are always sent, as the Docker CLI does.
    /// </summary>
    public static BuildContext FromFolder(string folder, string dockerfile = "Dockerfile")
    {
        var excludes = ExcludePatterns.ReadDockerIgnore(folder)
            .Concat(ExcludePatterns.Parse(["!" + dockerfile, "!.dockerignore"]));
        return new BuildContext().AddFolder(folder, string.Empty, excludes);
    }

    /// <summary>Adds <paramref name="hostFolder"/> at <paramref name="contextPath"/> ("" for the root).</summary>
    /// <param name="excludes">Paths relative to <paramref name="hostFolder"/> to leave out, in .dockerignore syntax.</param>
    public BuildContext AddFolder(string hostFolder, string contextPath, ExcludePatterns? excludes = null)
    {
        if (!Directory.Exists(hostFolder))
        {
            throw new DirectoryNotFoundException($"The build context folder {hostFolder} does not exist: check the path or create it first.");
        }

        folders.Add(new BuildContextFolder(Path.GetFullPath(hostFolder), NormalizeContextPath(contextPath), excludes ?? ExcludePatterns.None));
        return this;
    }

    /// <summary>Adds a file with <paramref name="content"/> at <paramref name="contextPath"/> (mode 0644 unless given).</summary>
    public BuildContext AddFile(string contextPath, ReadOnlyMemory<byte> content, UnixFileMode mode = DefaultFileMode)
    {
        var path = NormalizeContextPath(contextPath);
        if (path.Length == 0)
        {
            throw new ArgumentException("A build context file needs a path inside the context.", nameof(contextPath));
        }

        files.Add(new BuildContextFile(path, content, mode));
        return this;
    }

    /// <summary>Adds a UTF-8 text file (mode 0644 unless given).</summary>
    public BuildContext AddFile(string contextPath, string text, UnixFileMode mode = DefaultFileMode) =>
        AddFile(contextPath, Encoding.UTF8.GetBytes(text), mode);

    /// <summary>Writes the context as a tar stream to <paramref name="destination"/>, one file at a time.</summary>
    public Task WriteTarAsync(Stream destination, CancellationToken cancellationToken) =>
        new BuildContextTarWriter(this).WriteAsync(destination, cancellationToken);

    private static string NormalizeContextPath(string contextPath)
    {
        var segments = contextPath.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(segment => segment != ".").ToList();
        if (segments.Contains(".."))
        {
            throw new ArgumentException($"The context path '{contextPath}' leaves the build context: use a path inside it.", nameof(contextPath));
        }

        return string.Join('/', segments);
    }
}
