namespace Slipway.Docker.Build;

/// <summary>
/// Paths left out of a build context, in .dockerignore syntax: patterns are relative to the folder they apply
/// to, the last matching line wins, a '!' line re-includes, and excluding a folder excludes what is inside it.
/// </summary>
public sealed class ExcludePatterns
{
    private readonly IReadOnlyList<ExcludePattern> patterns;

    private ExcludePatterns(IReadOnlyList<ExcludePattern> patterns)
    {
        this.patterns = patterns;
        HasExceptions = patterns.Any(pattern => pattern.IsException);
    }

    /// <summary>Excludes nothing.</summary>
    public static ExcludePatterns None { get; } = new([]);

    /// <summary>True when a '!' line may re-include something inside an excluded folder.</summary>
    public bool HasExceptions { get; }

    /// <summary>The patterns as given, '!' lines included.</summary>
    public IEnumerable<string> Lines => patterns.Select(pattern => (pattern.IsException ? "!" : string.Empty) + pattern.Text);

    /// <summary>Parses .dockerignore lines; blank lines and '#' comments are skipped.</summary>
    public static ExcludePatterns Parse(IEnumerable<string> lines) =>
        new(lines.Select(ExcludePattern.Parse).OfType<ExcludePattern>().ToList());

    /// <summary>Excludes each of <paramref name="names"/> wherever it appears as a path segment, at any depth (e.g. ".git", "node_modules").</summary>
    public static ExcludePatterns AnyDepth(IEnumerable<string> names) =>
        Parse(names.Select(name => name.Trim().Trim('/')).Where(name => name.Length > 0).Select(name => "**/" + name));

    /// <summary>The patterns of <paramref name="folder"/>/.dockerignore, or none when it has no such file.</summary>
    public static ExcludePatterns ReadDockerIgnore(string folder)
    {
        var path = Path.Combine(folder, ".dockerignore");
        return File.Exists(path) ? Parse(File.ReadAllLines(path)) : None;
    }

    /// <summary>These patterns followed by <paramref name="other"/>'s, so that the later ones win.</summary>
    public ExcludePatterns Concat(ExcludePatterns other) => new(patterns.Concat(other.patterns).ToList());

    /// <summary>True when <paramref name="relativePath"/> ('/'-separated, relative to the folder) is left out.</summary>
    public bool Excludes(string relativePath)
    {
        var excluded = false;
        foreach (var pattern in patterns)
        {
            // An exception can only change the answer once something is excluded, and the other way round.
            if (pattern.IsException != excluded)
            {
                continue;
            }

            if (pattern.Matches(relativePath))
            {
                excluded = !pattern.IsException;
            }
        }

        return excluded;
    }
}
