using System.Diagnostics;

namespace Slipway.TestSupport;

/// <summary>Where Drupal 7's installer puts the site: its database account and the site's first settings.</summary>
public sealed record Drupal7Install(string Database, string User, string Password, string Host, int Port, string SiteName, string AdminMail);

/// <summary>
/// Installs an unpacked Drupal 7 site without a browser, with this machine's PHP and the data tests'
/// <c>install-drupal7.php</c> (what drush site-install does): the account reaches PHP through its environment,
/// never its command line.
/// </summary>
public static class Drupal7Installer
{
    public static async Task InstallAsync(string script, string siteRoot, Drupal7Install install)
    {
        var start = new ProcessStartInfo("php", [script])
        {
            WorkingDirectory = siteRoot, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["DB_NAME"] = install.Database;
        start.Environment["DB_USER"] = install.User;
        start.Environment["DB_PASSWORD"] = install.Password;
        start.Environment["DB_HOST"] = install.Host;
        start.Environment["DB_PORT"] = install.Port.ToString();
        start.Environment["SITE_NAME"] = install.SiteName;
        start.Environment["ADMIN_MAIL"] = install.AdminMail;
        start.Environment["ADMIN_PASSWORD"] = Guid.NewGuid().ToString("N");
        using var php = Process.Start(start)!;
        var output = php.StandardOutput.ReadToEndAsync();
        var errors = php.StandardError.ReadToEndAsync();
        // Drupal's installer takes seconds; ten minutes covers a loaded machine, and a hang ends as a failure, not a stuck suite.
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(10)))
        {
            try
            {
                await php.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                php.Kill(entireProcessTree: true);
                throw new TimeoutException($"The Drupal 7 install did not finish in 10 minutes: {await errors}");
            }
        }

        if (php.ExitCode != 0 || !(await output).Contains("installed"))
        {
            throw new InvalidOperationException($"The Drupal 7 install failed ({php.ExitCode}): {await output} {await errors}");
        }
    }
}
