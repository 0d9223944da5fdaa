namespace Slipway.Docker.Engine;

/// <summary>
/// An image reference split into its parts: <c>[registry/]repository[:tag][@digest]</c>. The first path part
/// is a registry when it contains '.' or ':' or is "localhost", as the Docker CLI decides.
/// </summary>
public sealed record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    /// <summary>Registry and repository, without tag or digest: what the engine's push endpoint takes.</summary>
    public string Name => Registry is null ? Repository : $"{Registry}/{Repository}";

    /// <summary>Splits <paramref name="reference"/>; a reference without tag or digest keeps a null tag.</summary>
    public static ImageReference Parse(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference))
        {
            throw new ArgumentException("An image reference cannot be empty.", nameof(reference));
        }

        var rest = reference.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon > rest.LastIndexOf('/'))
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = rest[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = rest[(slash + 1)..];
            }
        }

        return new ImageReference(registry, rest, tag, digest);
    }

    /// <summary>The same repository and tag (latest when none was given) under another registry.</summary>
    public ImageReference InRegistry(string registry) => this with { Registry = registry, Tag = Tag ?? "latest", Digest = null };

    public override string ToString() =>
        Name + (Tag is null ? string.Empty : ":" + Tag) + (Digest is null ? string.Empty : "@" + Digest);
}
