using Slipway.Aws.Ecs;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>The tags Slipway puts on what it creates on AWS, and how it recognises its own.</summary>
internal static class SlipwayTags
{
    /// <summary>The branch slug of a playground task: names its DNS record, so teardown can find the record.</summary>
    public const string SlugTag = "slipway:slug";

    /// <summary>The first label of a playground's host when it is not the slug (an unguessable host): names its DNS record.</summary>
    public const string HostTag = "slipway:host";

    public static IReadOnlyDictionary<string, string> For(Ownership owner, TaskKind kind, string? installation, string? slug = null, string? hostLabel = null)
    {
        var tags = new Dictionary<string, string>(owner.ToLabels(kind.Label()));
        if (installation is not null)
        {
            tags[Ownership.InstallationLabel] = installation;
        }

        if (slug is not null)
        {
            tags[SlugTag] = slug;
        }

        if (hostLabel is not null)
        {
            tags[HostTag] = hostLabel;
        }

        return tags;
    }

    public static IReadOnlyList<EcsTag> ToEcs(IReadOnlyDictionary<string, string> tags) =>
        tags.Select(tag => new EcsTag(tag.Key, tag.Value)).ToList();

    /// <summary>
    /// True when the tags say the resource belongs to the app (and to the branch, when one is given) and to this
    /// installation: one without the installation tag (made before installations had ids) or with another's is not ours.
    /// </summary>
    public static bool Owns(IReadOnlyDictionary<string, string> tags, string app, string? branch, string? installation) =>
        tags.TryGetValue(Ownership.AppLabel, out var taggedApp) && taggedApp == app
        && (branch is null || (tags.TryGetValue(Ownership.BranchLabel, out var taggedBranch) && taggedBranch == branch))
        && (installation is null || (tags.TryGetValue(Ownership.InstallationLabel, out var taggedInstallation) && taggedInstallation == installation));

    /// <summary>Only the slipway:* tags, as the resource's labels.</summary>
    public static IReadOnlyDictionary<string, string> Labels(IReadOnlyDictionary<string, string> tags) =>
        tags.Where(tag => tag.Key.StartsWith("slipway:", StringComparison.Ordinal)).ToDictionary(tag => tag.Key, tag => tag.Value);

    public static bool IsPlayground(IReadOnlyDictionary<string, string> tags) =>
        tags.TryGetValue(Ownership.KindLabel, out var kind) && kind == TaskKind.Playground.Label();
}
