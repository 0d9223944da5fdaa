namespace Slipway.Pipeline.Running;

/// <summary>
/// The app's public files (Drupal's sites/default/files) synced by SyncFiles (see docs/data.md): each playground gets its
/// own copy. The composition hands the services one; none means playgrounds get no files.
/// </summary>
public interface IAppFiles
{
    /// <summary>A local folder holding the app's files as last synced, or null when none were.</summary>
    Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken);
}
