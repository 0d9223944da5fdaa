namespace Slipway.Status;

/// <summary>A hosted repository: provider, host, owner (GitHub) or workspace (Bitbucket), and name.</summary>
public sealed record RepositoryCoordinates(VcsProvider Provider, string Host, string Owner, string Name)
{
    /// <summary>The repository's web page, such as https://github.com/owner/name.</summary>
    public Uri WebUrl => new($"https://{Host}/{Owner}/{Name}");

    /// <summary>"github.com/owner/name".</summary>
    public override string ToString() => $"{Host}/{Owner}/{Name}";
}
