namespace Slipway.Pipeline.Building;

/// <summary>The images the Dockerfiles start from (their BASE_IMAGE build arguments).</summary>
/// <param name="Offline">True for the images made locally from Debian packages.</param>
public sealed record BaseImageSet(string PhpApache, string Builder, string Qa, bool Offline)
{
    /// <summary>The Dockerfiles' own defaults: official PHP 8.2 images and a public QA tools image.</summary>
    public static BaseImageSet Official { get; } = OfficialFor("8.2");

    /// <summary>The PHP 8.2 equivalents scripts/make-base-images.sh makes from Debian packages.</summary>
    public static BaseImageSet Local { get; } = LocalFor("8.2");

    /// <summary>The official images of one PHP version (<c>php:7.4-apache</c>, ...).</summary>
    public static BaseImageSet OfficialFor(string php) => new($"php:{php}-apache", $"php:{php}-cli", $"jakzal/phpqa:php{php}", false);

    /// <summary>The offline images of one PHP version (<c>scripts/make-base-images.sh --php 7.4</c>).</summary>
    public static BaseImageSet LocalFor(string php) =>
        new($"slipway-base/php-apache:{php}", $"slipway-base/php-builder:{php}", $"slipway-base/phpqa:{php}", true);

    public IEnumerable<string> All => [PhpApache, Builder, Qa];
}
