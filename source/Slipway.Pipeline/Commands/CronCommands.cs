using Slipway.Pipeline.AppConfig;

namespace Slipway.Pipeline.Commands;

/// <summary>
/// The app's cron command: <c>cron.command</c> from <c>.slipway.yml</c>; otherwise <c>drush cron</c> for a site
/// whose build has drush, Drupal 7's own cron (what cron.php runs, without its web key) for a Drupal 7 site
/// without it. Any other app says its own.
/// </summary>
public static class CronCommands
{
    /// <summary>Where the app image keeps the app (docker/app/Dockerfile's WORKDIR).</summary>
    public const string AppFolderInImage = "/var/www/app";

    // Slipway's own text, never the repository's: the docroot comes in as an argument ($argv[1]), not as code.
    private const string Drupal7Cron =
        "chdir($argv[1]); define('DRUPAL_ROOT', getcwd()); $_SERVER['REMOTE_ADDR'] = '127.0.0.1'; $_SERVER['SCRIPT_NAME'] = '/cron.php'; " +
        "require_once DRUPAL_ROOT . '/includes/bootstrap.inc'; drupal_bootstrap(DRUPAL_BOOTSTRAP_FULL); " +
        "if (!drupal_cron_run()) { fwrite(STDERR, \"Drupal's cron did not run: another run holds its lock, or a hook failed (see the site's log).\\n\"); exit(1); } " +
        "echo \"Drupal's cron ran.\\n\";";

    /// <exception cref="CommandException">The app says no cron command and none can be told from its code.</exception>
    public static CommandWords For(string appRoot, AppProfile profile, AppCommands? commands)
    {
        if (commands?.CronCommand is { } own)
        {
            return own;
        }

        if (profile.Drupal != DrupalKind.None && File.Exists(Path.Combine(appRoot, "vendor", "bin", "drush")))
        {
            return CommandWords.Of(["vendor/bin/drush", "cron"]);
        }

        if (profile.Drupal == DrupalKind.Legacy)
        {
            return CommandWords.Of(["php", "-r", Drupal7Cron, profile.DocrootIn(AppFolderInImage)]);
        }

        throw new CommandException(
            "The app has no cron command Slipway can tell from its code: set cron.command in its .slipway.yml, e.g. php bin/cron.php.");
    }
}
