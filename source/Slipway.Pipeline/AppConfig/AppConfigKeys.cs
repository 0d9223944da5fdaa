namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Every key <c>.slipway.yml</c> knows, as dotted paths. The JSON Schema (docs/slipway.schema.json) lists the
/// same keys; a test keeps the two in step. <c>database</c> is reserved for the database support: accepted,
/// not read yet. <c>services</c> is read on its own by <see cref="ServicesReader"/>.
/// </summary>
public static class AppConfigKeys
{
    public const string FileName = ".slipway.yml";

    /// <summary>Keys whose value is a mapping of their own keys.</summary>
    public static IReadOnlyList<string> Sections { get; } =
        ["playground", "playground.readiness", "playground.basic_auth", "analysis", "tests", "cron", .. BuildSettingsReader.Sections];

    /// <summary>Keys whose value Slipway reads.</summary>
    public static IReadOnlyList<string> Values { get; } =
    [
        "php",
        "docroot",
        "dockerfile",
        "playground.readiness.path",
        "playground.readiness.statuses",
        "playground.readiness.contains",
        "playground.writable",
        "playground.files",
        "playground.unguessable_host",
        "playground.basic_auth.user",
        "playground.basic_auth.open_paths",
        "analysis.paths",
        "analysis.exclude",
        "analysis.max_new_findings",
        "tests.phpunit",
        "tests.behat",
        "tests.browser",
        TestRunnersReader.Key,
        "services",
        "commands",
        "cron.command",
        "cron.playgrounds",
        "cron.development",
        .. BuildSettingsReader.Values,
        PlaygroundEnvironment.Key,
    ];

    /// <summary>Keys kept for features to come: any value is accepted and not read yet.</summary>
    public static IReadOnlyList<string> Reserved { get; } = ["database"];

    /// <summary>The keys allowed directly under <paramref name="section"/> ("" for the top level).</summary>
    public static IReadOnlyList<string> ChildrenOf(string section)
    {
        var prefix = section.Length == 0 ? "" : section + ".";
        return Sections.Concat(Values).Concat(Reserved)
            .Where(key => key.StartsWith(prefix, StringComparison.Ordinal) && !key[prefix.Length..].Contains('.'))
            .Select(key => key[prefix.Length..])
            .ToList();
    }

    /// <summary>The known key closest in spelling to <paramref name="key"/>, among <paramref name="candidates"/>.</summary>
    public static string Nearest(string key, IReadOnlyList<string> candidates) =>
        candidates.OrderBy(candidate => Distance(key.ToLowerInvariant(), candidate)).ThenBy(candidate => candidate, StringComparer.Ordinal).First();

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
