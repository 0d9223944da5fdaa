using System.Text;
using Slipway.Docker.Databases;
using Slipway.Pipeline.Tests.AppConfig;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// Run and Cron on a real site with its database, the way a team moving from Jenkins would use them: the Drupal 7
/// fixture installed into a source database, dumped with DumpDatabase, served by a playground whose branch database
/// on Slipway's own MariaDB container was made from that dump. One playground serves every step.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DrupalCommandTests(EndToEndFixture fixture)
{
    /// <summary>Distinctive, and not ASCII, so a byte that Run adds or changes shows.</summary>
    private const string SiteName = "Ferry timetable – Ålesund";

    // Drupal's own bootstrap reads the variable from the database settings.php names; nothing else is printed.
    private const string ReadSiteName =
        "define('DRUPAL_ROOT', getcwd()); require_once DRUPAL_ROOT . '/includes/bootstrap.inc'; drupal_override_server_variables(); " +
        "drupal_bootstrap(DRUPAL_BOOTSTRAP_VARIABLES); echo variable_get('site_name');";

    private const string KnownBytes = "first line\nzweite Zeile: äöü €\n\nthe last line has no line ending";

    private const string PrintKnownBytes =
        "echo \"first line\\nzweite Zeile: äöü €\\n\\nthe last line has no line ending\"; fwrite(STDERR, \"on stderr\\n\"); exit(3);";

    [Fact]
    public async Task RunAndCron_OnDrupal7WithItsDatabase_ReadTheSiteNameRawAndAdvanceCronLast_AndTeardownLeavesNothing()
    {
        var server = new DatabaseContainer(fixture.Docker, new DatabaseContainerOptions { Name = $"slipway-test-{Guid.NewGuid().ToString("N")[..8]}-mariadb" });
        using var site = new DrupalFixture().With("sites/default/settings.php", Drupal7SourceDatabase.SettingsFromEnvironment);
        var branch = fixture.NewBranch("e2e-d7-commands");
        await site.CommitOnBranchAsync(branch, "feat: Drupal 7 reading its database from the environment");
        string[] target = ["--app", site.Path, "--branch", branch, "--database-per-branch", "--database-server-name", server.Options.Name];
        try
        {
            var address = await server.EnsureRunningAsync(CancellationToken.None);
            var source = await Drupal7SourceDatabase.InstallAsync(address, SiteName);
            var dump = await fixture.BuildScript.RunAsync(["DumpDatabase", "--app", site.Path], new Dictionary<string, string> { ["SOURCE_DATABASE_URL"] = source });
            dump.ExitCode.Should().Be(0, dump.ToString());
            var playground = await fixture.BuildScript.RunAsync(["Playground", .. target]);
            playground.ExitCode.Should().Be(0, playground.ToString());
            var database = (await Drupal7SourceDatabase.ListAsync(address, "SHOW DATABASES"))
                .Single(name => name.EndsWith(branch.Replace('-', '_'), StringComparison.Ordinal));

            // Standard output is the command's alone: the site name as the branch database holds it, not a byte more.
            var name = await fixture.BuildScript.RunKeepingStandardOutputAsync(["Run", .. target, "--", "php", "-d", "display_errors=stderr", "-r", ReadSiteName]);
            name.ExitCode.Should().Be(0, name.ToString());
            name.StandardOutput.Should().Equal(Encoding.UTF8.GetBytes(SiteName), name.ToString());

            // Byte for byte: a blank line, non-ASCII text, a last line without a line ending; its exit code is Run's.
            var raw = await fixture.BuildScript.RunKeepingStandardOutputAsync(["Run", .. target, "--", "php", "-r", PrintKnownBytes]);
            raw.ExitCode.Should().Be(3, raw.ToString());
            raw.StandardOutput.Should().Equal(Encoding.UTF8.GetBytes(KnownBytes), raw.ToString());
            raw.StandardError.Should().Contain("on stderr").And.Contain("ended with exit code 3", "what Slipway says goes to standard error");

            var before = await CronLastAsync(address, database);
            await CronAsync(target, branch);
            var first = await CronLastAsync(address, database);
            await CronAsync(target, branch);
            var second = await CronLastAsync(address, database);
            first.Should().BeGreaterThan(before, "the first Cron ran Drupal's cron on the branch database");
            second.Should().BeGreaterThan(first, "the second Cron ran it again");
            (await Drupal7SourceDatabase.ListAsync(address, "SELECT User FROM mysql.user")).Should().NotContain(user => user.StartsWith("slipway_cmd_", StringComparison.Ordinal),
                "a command's own database account is dropped when the command ends");

            var teardown = await fixture.BuildScript.RunAsync(["Teardown", .. target]);
            teardown.ExitCode.Should().Be(0, teardown.ToString());
            (await Drupal7SourceDatabase.ListAsync(address, "SHOW DATABASES")).Should().NotContain(database);
            (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
        }
        finally
        {
            // A failed step leaves the playground on the server's network: it goes first, or the network stays.
            foreach (var container in await fixture.ContainersOfAsync(branch))
            {
                await fixture.Docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
            }

            await server.RemoveAsync(withData: true, CancellationToken.None);
        }
    }

    private async Task CronAsync(string[] target, string branch)
    {
        var cron = await fixture.BuildScript.RunKeepingStandardOutputAsync(["Cron", .. target]);
        cron.ExitCode.Should().Be(0, cron.ToString());
        Encoding.UTF8.GetString(cron.StandardOutput).Should().Be("Drupal's cron ran.\n", "Drupal 7 without drush gets Drupal's own cron");
        (await fixture.ContainersOfAsync(branch)).Where(c => c.Labels.GetValueOrDefault(Ownership.KindLabel) == "command")
            .Should().BeEmpty("a command's task is removed when the command ends");
    }

    // Drupal keeps variables serialized: i:1733443000; is the time of the last cron run.
    private static async Task<long> CronLastAsync(DatabaseContainerAddress server, string database)
    {
        var value = await Drupal7SourceDatabase.QueryAsync(server, $"SELECT value FROM `{database}`.variable WHERE name = 'cron_last'");
        return value is null ? 0 : long.Parse(value.Trim('i', ':', ';'), System.Globalization.CultureInfo.InvariantCulture);
    }
}
