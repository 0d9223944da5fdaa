namespace Slipway.Results.Tests.Fixtures;

/// <summary>Reports written by the real tools (PHPUnit 9.6, phpcs 3.7, phpmd 2.13, phpcpd 6, phploc 7) with paths moved to /var/www/app, and hand-written Behat, phpstan and php -l ones.</summary>
internal static class Samples
{
    public const string AppRoot = "/var/www/app";

    public static string PhpUnit => Read("phpunit9-junit.xml");

    public static string Behat => Read("behat-junit.xml");

    public static string Phpcs => Read("phpcs-checkstyle.xml");

    public static string Phpstan => Read("phpstan-checkstyle.xml");

    public static string PhpLint => Read("phplint-checkstyle.xml");

    public static string Phpmd => Read("phpmd-pmd.xml");

    public static string Phpcpd => Read("phpcpd-pmd-cpd.xml");

    public static string Phploc => Read("phploc.json");

    private static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
