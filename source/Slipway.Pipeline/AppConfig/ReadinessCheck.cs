namespace Slipway.Pipeline.AppConfig;

/// <summary>When a playground counts as ready.</summary>
/// <param name="Path">The path asked for.</param>
/// <param name="Statuses">The statuses that count, after redirects on the playground's own host were followed.</param>
/// <param name="Contains">Text the page must contain; null for any page.</param>
/// <param name="Generator">
/// For a Drupal site: the ready page must be Drupal's own (its <c>X-Generator</c> header or its name in the page),
/// so that a PHP or web server error page never counts.
/// </param>
public sealed record ReadinessCheck(string Path, IReadOnlyList<int> Statuses, string? Contains, string? Generator)
{
    /// <summary>Any page that answers 200 on /.</summary>
    public static ReadinessCheck Default { get; } = new("/", [200], null, null);
}
