using System.Text.RegularExpressions;

namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// The site's own code in a Drupal docroot: the extensions (modules, themes, profiles) that neither core nor
/// drupal.org shipped. Core's extensions say <c>version = VERSION</c> in their info file, and every download
/// from drupal.org carries the packaging script's <c>project</c> line; folders named contrib, vendor,
/// libraries and node_modules are third-party by convention. What remains is what the team wrote.
/// </summary>
public static partial class DrupalCodeScope
{
    private const int MaxDepth = 4;
    private static readonly string[] ThirdPartyFolders = ["contrib", "vendor", "libraries", "node_modules", "bower_components"];

    /// <summary>The site's own extension folders, relative to <paramref name="appRoot"/>, in name order.</summary>
    public static IReadOnlyList<string> CustomCode(string appRoot, string docroot, DrupalKind kind)
    {
        var docrootPath = docroot == "." ? appRoot : Path.Combine(appRoot, docroot);
        var roots = new List<string> { Path.Combine(docrootPath, "profiles") };
        if (kind == DrupalKind.Modern)
        {
            // Drupal 7 keeps core's own modules and themes here; Drupal 8+ keeps the site's.
            roots.Add(Path.Combine(docrootPath, "modules"));
            roots.Add(Path.Combine(docrootPath, "themes"));
        }

        var sites = Path.Combine(docrootPath, "sites");
        if (Directory.Exists(sites))
        {
            foreach (var site in Directory.EnumerateDirectories(sites))
            {
                roots.Add(Path.Combine(site, "modules"));
                roots.Add(Path.Combine(site, "themes"));
            }
        }

        var found = new List<string>();
        foreach (var root in roots.Where(Directory.Exists))
        {
            Collect(root, 0, found);
        }

        return found
            .Select(path => Path.GetRelativePath(appRoot, path).Replace('\\', '/'))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();
    }

    private static void Collect(string folder, int depth, List<string> found)
    {
        if (ThirdPartyFolders.Contains(Path.GetFileName(folder), StringComparer.OrdinalIgnoreCase) || depth > MaxDepth)
        {
            return;
        }

        var info = Directory.EnumerateFiles(folder, "*.info").Concat(Directory.EnumerateFiles(folder, "*.info.yml")).FirstOrDefault();
        if (info is not null)
        {
            if (!ShippedByOthers(File.ReadAllText(info)))
            {
                found.Add(folder);
            }

            return;
        }

        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            Collect(child, depth + 1, found);
        }
    }

    private static bool ShippedByOthers(string infoFile) => CoreVersion().IsMatch(infoFile) || PackagedProject().IsMatch(infoFile);

    [GeneratedRegex(@"^\s*version\s*[=:]\s*['""]?VERSION['""]?\s*$", RegexOptions.Multiline)]
    private static partial Regex CoreVersion();

    [GeneratedRegex(@"^\s*project\s*[=:]", RegexOptions.Multiline)]
    private static partial Regex PackagedProject();
}
