namespace Slipway.Pipeline.AppConfig;

/// <summary>What Slipway knows of each <see cref="ServiceKind"/>: its port, readiness check and images.</summary>
/// <param name="Port">The port its images listen on.</param>
/// <param name="Ready">The readiness command, run inside it without a shell.</param>
/// <param name="Official">The image used where a registry answers.</param>
/// <param name="Offline">The image scripts/make-service-images.sh makes from Debian packages; null when Debian has none.</param>
/// <param name="MemoryMiB">What it is expected to need, reserved for it on AWS.</param>
/// <param name="UrlVariable">The variable its <c>http://host:port</c> address also goes in, if any.</param>
/// <param name="Environment">What its images need to start, unless the app says otherwise.</param>
public sealed record ServiceKinds(
    int Port,
    IReadOnlyList<string> Ready,
    string Official,
    string? Offline,
    int MemoryMiB,
    string? UrlVariable = null,
    IReadOnlyDictionary<string, string>? Environment = null)
{
    /// <summary>The Debian release the offline images come from.</summary>
    public const string OfflineTag = "bookworm";

    public static IReadOnlyList<string> Names { get; } = Enum.GetNames<ServiceKind>().Select(name => name.ToLowerInvariant()).ToList();

    public static ServiceKind? Parse(string text) =>
        Enum.TryParse<ServiceKind>(text, ignoreCase: true, out var kind) && Names.Contains(text) ? kind : null;

    public static ServiceKinds Of(ServiceKind kind) => kind switch
    {
        ServiceKind.Redis => new(6379, ["redis-cli", "ping"], "redis:7", OfflineImage(kind), 256),
        ServiceKind.Memcached => new(11211, PortOpen(11211), "memcached:1.6", OfflineImage(kind), 128),
        // Debian packages no Solr: an app that wants it offline names an image of its own.
        ServiceKind.Solr => new(8983, PortOpen(8983), "solr:9", null, 1024),
        // The database of a test task only, thrown away with it: an empty root password is no secret to keep.
        ServiceKind.Mariadb => new(3306, ["healthcheck.sh", "--connect", "--innodb_initialized"], "mariadb:10.11", null, 512, null,
            new Dictionary<string, string>
            {
                ["MARIADB_ALLOW_EMPTY_ROOT_PASSWORD"] = "1",
                ["MARIADB_DATABASE"] = "drupal",
                ["MARIADB_USER"] = "drupal",
                ["MARIADB_PASSWORD"] = "drupal",
            }),
        ServiceKind.Chromium => new(4444, PortOpen(4444), "selenium/standalone-chromium:latest", OfflineImage(kind), 1024, "WEBDRIVER_URL"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind's name as .slipway.yml spells it.</summary>
    public static string NameOf(ServiceKind kind) => kind.ToString().ToLowerInvariant();

    private static string OfflineImage(ServiceKind kind) => $"slipway-service/{NameOf(kind)}:{OfflineTag}";

    // bash's /dev/tcp: the port accepts connections. The number is Slipway's own, never the app's.
    private static IReadOnlyList<string> PortOpen(int port) => ["bash", "-c", $"exec 3<>/dev/tcp/127.0.0.1/{port}"];
}
