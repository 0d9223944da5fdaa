namespace Slipway.Engine;

/// <summary>An immutable, normalized absolute path. Combine with <c>/</c>: <c>RootDirectory / "docker" / "app"</c>.</summary>
public sealed class AbsolutePath : IEquatable<AbsolutePath>
{
    private static readonly StringComparison Comparison =
        OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    private readonly string path;

    private AbsolutePath(string path) => this.path = path;

    /// <summary>Creates a path from an absolute path string; relative strings are rejected.</summary>
    /// <exception cref="ArgumentException">The path is not absolute.</exception>
    public static AbsolutePath Create(string path)
    {
        if (!Path.IsPathFullyQualified(path))
        {
            throw new ArgumentException($"'{path}' is not an absolute path.", nameof(path));
        }

        return new AbsolutePath(Normalize(path));
    }

    /// <summary>Creates a path from a string that may be relative to <paramref name="baseDirectory"/>.</summary>
    public static AbsolutePath Resolve(string path, string baseDirectory) =>
        new(Normalize(Path.GetFullPath(path, baseDirectory)));

    /// <summary>The folder holding this path; null for a root.</summary>
    public AbsolutePath? Parent
    {
        get
        {
            var parent = Path.GetDirectoryName(path);
            return parent is null ? null : new AbsolutePath(parent);
        }
    }

    /// <summary>The last segment of the path (the file or folder name).</summary>
    public string Name => Path.GetFileName(path);

    /// <summary>Appends a relative path; <c>..</c> segments are resolved.</summary>
    public static AbsolutePath operator /(AbsolutePath left, string right)
    {
        if (Path.IsPathRooted(right))
        {
            throw new ArgumentException($"Cannot append the rooted path '{right}' to '{left}'.", nameof(right));
        }

        return new AbsolutePath(Normalize(Path.GetFullPath(Path.Combine(left.path, right))));
    }

    /// <summary>The path as a string, for any API that takes one.</summary>
    public static implicit operator string(AbsolutePath path) => path.path;

    /// <summary>True when a file or folder exists at this path.</summary>
    public bool Exists() => File.Exists(path) || Directory.Exists(path);

    /// <summary>True when a file exists at this path.</summary>
    public bool FileExists() => File.Exists(path);

    /// <summary>True when a folder exists at this path.</summary>
    public bool DirectoryExists() => Directory.Exists(path);

    /// <summary>Creates the folder and its parents when missing; returns this path.</summary>
    public AbsolutePath CreateDirectory()
    {
        Directory.CreateDirectory(path);
        return this;
    }

    /// <summary>Deletes the folder and everything in it; nothing happens when it does not exist.</summary>
    public void DeleteDirectory()
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }
    }

    /// <summary>Deletes the file; nothing happens when it does not exist.</summary>
    public void DeleteFile() => File.Delete(path);

    /// <inheritdoc />
    public bool Equals(AbsolutePath? other) => other is not null && string.Equals(path, other.path, Comparison);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as AbsolutePath);

    /// <inheritdoc />
    public override int GetHashCode() => OperatingSystem.IsWindows()
        ? StringComparer.OrdinalIgnoreCase.GetHashCode(path)
        : StringComparer.Ordinal.GetHashCode(path);

    /// <summary>Compares two paths (ordinal; case-insensitive on Windows).</summary>
    public static bool operator ==(AbsolutePath? left, AbsolutePath? right) => left?.Equals(right) ?? right is null;

    /// <summary>Compares two paths (ordinal; case-insensitive on Windows).</summary>
    public static bool operator !=(AbsolutePath? left, AbsolutePath? right) => !(left == right);

    /// <inheritdoc />
    public override string ToString() => path;

    private static string Normalize(string value)
    {
        var full = Path.GetFullPath(value);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        return full.Length > root.Length ? full.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) : full;
    }
}
