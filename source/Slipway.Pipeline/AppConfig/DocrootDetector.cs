namespace Slipway.Pipeline.AppConfig;

/// <summary>
/// Finds the folder a PHP site is served from when <c>.slipway.yml</c> does not say: the first of the usual
/// layouts that holds an <c>index.php</c> (Drupal 8+ with composer: web/; Acquia: docroot/; others:
/// public/, html/), else the repository root (Drupal 7 and older sites).
/// </summary>
public static class DocrootDetector
{
    /// <summary>The folders looked at, in order.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["web", "docroot", "public", "html"];

    /// <summary>The docroot relative to <paramref name="appRoot"/>: a folder name, or "." for the root.</summary>
    public static string Detect(string appRoot) =>
        Candidates.FirstOrDefault(folder => File.Exists(Path.Combine(appRoot, folder, "index.php"))) ?? ".";
}
