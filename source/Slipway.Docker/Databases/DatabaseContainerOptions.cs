namespace Slipway.Docker.Databases;

/// <summary>
/// The names of Slipway's kept database server, all made from <see cref="Name"/>: the container, its data volume
/// (<c>&lt;name&gt;-data</c>) and its network (<c>&lt;name&gt;-net</c>); and the images it may run.
/// </summary>
public sealed record DatabaseContainerOptions
{
    /// <summary>The image scripts/make-base-images.sh --mariadb makes.</summary>
    public const string OfflineImage = "slipway-base/mariadb:10.11";

    /// <summary>The container; the app's tasks reach the server by this name on <see cref="Network"/>.</summary>
    public string Name { get; init; } = "slipway-mariadb";

    /// <summary>The named volume that keeps the data across restarts.</summary>
    public string Volume => Name + "-data";

    /// <summary>The network the server and the app's tasks share.</summary>
    public string Network => Name + "-net";

    /// <summary>
    /// The images tried in order: the offline one (Debian's mariadb-server), then the official image, pulled when a
    /// registry answers.
    /// </summary>
    public IReadOnlyList<string> Images { get; init; } = [OfflineImage, "mariadb:11.4"];

    /// <summary>Labels added to the container, volume and network besides Slipway's own.</summary>
    public IReadOnlyDictionary<string, string> ExtraLabels { get; init; } = new Dictionary<string, string>();
}
