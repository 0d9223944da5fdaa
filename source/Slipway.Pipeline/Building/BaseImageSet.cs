namespace Slipway.Pipeline.Building;

/// <summary>The images the Dockerfiles start from (their BASE_IMAGE build arguments).</summary>
/// <param name="Offline">True for the images made locally from Debian packages.</param>
public sealed record BaseImageSet(string PhpApache, string Builder, string Qa, bool Offline)
{
    /// <summary>The Dockerfiles' own defaults: official PHP images and a public QA tools image.</summary>
    public static BaseImageSet Official { get; } = new("php:8.2-apache", "php:8.2-cli", "jakzal/phpqa:php8.2", false);

    /// <summary>The equivalents scripts/make-base-images.sh makes from Debian packages.</summary>
    public static BaseImageSet Local { get; } = new(
        "slipway-base/php-apache:8.2", "slipway-base/php-builder:8.2", "slipway-base/phpqa:8.2", true);

    public IEnumerable<string> All => [PhpApache, Builder, Qa];
}
