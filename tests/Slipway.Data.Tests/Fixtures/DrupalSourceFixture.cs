using MySqlConnector;
using Slipway.Data.Servers;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>
/// The Drupal 7 fixture (../shared/fixtures/drupal-7.105.tar.gz) unpacked and installed into a source
/// database on the test's MariaDB server, as production or develop would be; plus a second user, so
/// the dump holds more than one e-mail address and password hash.
/// </summary>
public sealed class DrupalSourceFixture(MariaDbServerFixture server) : IAsyncLifetime
{
    public const string SiteName = "Slipway Data Fixture Site";
    public const string AdminMail = "site-owner@customer.example";
    public const string EditorMail = "editor@customer.example";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"slipway-drupal7-{Guid.NewGuid():N}");

    public string SiteRoot => Path.Combine(_folder, "drupal-7.105");

    public DatabaseUrl Source { get; private set; } = null!;

    /// <summary>The password hashes the source database holds (they must not reach a stored dump).</summary>
    public IReadOnlyList<string> PasswordHashes { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        await MariaDbServerFixture.RunAsync("tar", "-xzf", FixturePath(), "-C", _folder);
        var defaultSite = Path.Combine(SiteRoot, "sites", "default");
        File.Copy(Path.Combine(defaultSite, "default.settings.php"), Path.Combine(defaultSite, "settings.php"));
        Directory.CreateDirectory(Path.Combine(defaultSite, "files"));

        var password = Guid.NewGuid().ToString("N");
        Source = new DatabaseUrl(server.Admin with { User = "drupal_source", Password = password }, "drupal_source");
        await using (var admin = await OpenAsync(server.Admin))
        {
            foreach (var sql in new[]
            {
                "CREATE DATABASE drupal_source CHARACTER SET utf8mb4",
                $"CREATE USER 'drupal_source'@'%' IDENTIFIED BY '{password}'",
                $"CREATE USER 'drupal_source'@'localhost' IDENTIFIED BY '{password}'",
                "GRANT ALL ON drupal_source.* TO 'drupal_source'@'%'",
                "GRANT ALL ON drupal_source.* TO 'drupal_source'@'localhost'",
            })
            {
                await new MySqlCommand(sql, admin).ExecuteNonQueryAsync();
            }
        }

        await InstallAsync(password);
        await using var site = await OpenAsync(Source.Endpoint, Source.Database);
        await new MySqlCommand(
            $"INSERT INTO users (uid, name, pass, mail, init, status, created, data) VALUES (2, 'editor', '$S$DeditorHashThatMustNotLeak0123456789abcdefghijklmnopq', '{EditorMail}', '{EditorMail}', 1, 0, NULL)",
            site).ExecuteNonQueryAsync();
        await new MySqlCommand("INSERT INTO watchdog (uid, type, message, variables, severity, link, location, referer, hostname, timestamp) VALUES (1, 'user', 'Session opened for admin from 203.0.113.9', 'a:0:{}', 5, '', '', '', '203.0.113.9', 0)", site).ExecuteNonQueryAsync();
        var hashes = new List<string>();
        await using (var reader = await new MySqlCommand("SELECT pass FROM users WHERE pass <> ''", site).ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                hashes.Add(reader.GetString(0));
            }
        }

        PasswordHashes = hashes;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    public static async Task<MySqlConnection> OpenAsync(DatabaseEndpoint endpoint, string? database = null)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = endpoint.Host, Port = (uint)endpoint.Port, UserID = endpoint.User, Password = endpoint.Password,
            Database = database ?? "", Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private Task InstallAsync(string password) => Drupal7Installer.InstallAsync(
        Path.Combine(AppContext.BaseDirectory, "Fixtures", "install-drupal7.php"),
        SiteRoot,
        new Drupal7Install(Source.Database, Source.Endpoint.User, password, Source.Endpoint.Host, Source.Endpoint.Port, SiteName, AdminMail));

    /// <summary>The fixture, found from the repository root as ../shared/fixtures.</summary>
    private static string FixturePath()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "..", "shared", "fixtures", "drupal-7.105.tar.gz");
            if (File.Exists(Path.Combine(folder.FullName, "Slipway.sln")) && File.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }

        throw new FileNotFoundException("The Drupal 7 fixture is missing: ../shared/fixtures/drupal-7.105.tar.gz beside the repository.");
    }
}
