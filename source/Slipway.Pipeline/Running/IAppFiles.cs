namespace Slipway.Pipeline.Running;

/// <summary>
/// The app's public files (Drupal's sites/default/files) synced by SyncFiles (see docs/data.md): each playground gets its
/// own copy, written into it by a platform that can (the local engine) or fetched by its start script from a URL (Fargate).
/// The composition hands the services one; none means playgrounds get no files.
/// </summary>
public interface IAppFiles
{
    /// <summary>A local folder holding the app's files as last synced, or null when none were.</summary>
    Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken);

    /// <summary>Whether the store can hand a task elsewhere a URL of the files (a bucket); a local folder cannot.</summary>
    bool HandsOutUrls { get; }

    /// <summary>A URL answering a GET with the files as one tar.gz for <paramref name="validFor"/> (a credential) and its size, or null when none were synced.</summary>
    Task<FilesUrl?> SnapshotUrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken);
}

/// <summary>A URL of the app's files as one tar.gz (a credential), and how many bytes it answers with.</summary>
public sealed record FilesUrl(Uri Url, long Bytes);
