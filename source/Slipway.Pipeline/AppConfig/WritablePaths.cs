namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// The folders the web server may write to, as concrete paths relative to the repository root. Patterns from
/// <c>.slipway.yml</c> are expanded here, against the checked-out code, so that the image only ever gets plain
/// paths: <c>*</c> matches one existing folder name; the last part is created when it is missing.
/// </summary>
public static class WritablePaths
{
    /// <summary>Drupal's files folder of every site in the docroot (sites/all holds code, not a site).</summary>
    public static IReadOnlyList<string> DrupalDefaults(string appRoot, string docroot)
    {
        var prefix = docroot == "." ? "" : docroot + "/";
        var sites = Path.Combine(appRoot, prefix, "sites");
        var paths = new List<string> { $"{prefix}sites/default/files" };
        if (Directory.Exists(sites))
        {
            paths.AddRange(Directory.EnumerateDirectories(sites)
                .Select(Path.GetFileName)
                .Where(site => site is not null and not "all" and not "default")
                .Select(site => $"{prefix}sites/{site}/files"));
        }

        return paths.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Expands <paramref name="patterns"/> (relative to <paramref name="appRoot"/>) into paths.</summary>
    public static IReadOnlyList<string> Expand(string appRoot, IEnumerable<string> patterns)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var pattern in patterns)
        {
            var segments = pattern.Split('/');
            var matches = new List<string> { "" };
            for (var i = 0; i < segments.Length; i++)
            {
                var last = i == segments.Length - 1;
                var segment = segments[i];
                matches = matches.SelectMany(parent => Step(appRoot, parent, segment, last)).ToList();
            }

            result.UnionWith(matches);
        }

        return result.ToList();
    }

    private static IEnumerable<string> Step(string appRoot, string parent, string segment, bool last)
    {
        var joined = (string name) => parent.Length == 0 ? name : $"{parent}/{name}";
        if (!segment.Contains('*'))
        {
            return last || Directory.Exists(Path.Combine(appRoot, joined(segment))) ? [joined(segment)] : [];
        }

        var folder = Path.Combine(appRoot, parent);
        return Directory.Exists(folder)
            ? Directory.EnumerateDirectories(folder, segment).Select(path => joined(Path.GetFileName(path))).Order(StringComparer.Ordinal)
            : [];
    }
}
