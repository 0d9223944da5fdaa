namespace Slipway.Pipeline.AppConfig;

/// <summary>What kind of Drupal, if any, a docroot holds: decides writable folders and the analysis scope.</summary>
public enum DrupalKind
{
    /// <summary>Not a Drupal site that Slipway recognises.</summary>
    None,

    /// <summary>Drupal 7 or older: core's includes/, modules/ and themes/ sit in the docroot itself.</summary>
    Legacy,

    /// <summary>Drupal 8 and later: core in core/, extensions under modules/, themes/, profiles/.</summary>
    Modern,
}

/// <summary>Recognises a Drupal docroot by the files core always ships.</summary>
public static class DrupalSite
{
    public static DrupalKind Detect(string docrootPath)
    {
        if (File.Exists(Path.Combine(docrootPath, "core", "lib", "Drupal.php")))
        {
            return DrupalKind.Modern;
        }

        return File.Exists(Path.Combine(docrootPath, "includes", "bootstrap.inc"))
               && Directory.Exists(Path.Combine(docrootPath, "sites"))
            ? DrupalKind.Legacy
            : DrupalKind.None;
    }
}
