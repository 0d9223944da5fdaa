namespace Slipway.Status;

/// <summary>The stage names the pipeline reports; each becomes the commit status context <c>slipway/&lt;name&gt;</c>.</summary>
public static class StageNames
{
    /// <summary>Composer, theme builds, hooks and the image.</summary>
    public const string Build = "build";

    /// <summary>PHPUnit and Behat.</summary>
    public const string Test = "test";

    /// <summary>phpcs, phpmd, phpcpd, phploc, php -l and phpstan.</summary>
    public const string Analysis = "analysis";

    /// <summary>The branch served at its playground URL.</summary>
    public const string Playground = "playground";

    /// <summary>The version tag and the release image.</summary>
    public const string Deploy = "deploy";
}
