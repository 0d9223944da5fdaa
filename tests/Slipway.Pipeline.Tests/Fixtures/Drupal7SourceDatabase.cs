using MySqlConnector;
using Slipway.Data.Servers;
using Slipway.Docker.Databases;
using Slipway.Pipeline.Tests.AppConfig;

namespace Slipway.Pipeline.Tests.Fixtures;

/// <summary>
/// A source database holding an installed Drupal 7 site, as production or develop would hold it: a scratch copy of
/// the fixture installed with Drupal's own installer (the PHP of this machine, install-drupal7.php of the data tests)
/// into a database of its own on the test's MariaDB container, reached on its 127.0.0.1 port.
/// </summary>
public static class Drupal7SourceDatabase
{
    private const string Database = "d7_source";

    /// <summary>The Drupal 7 <c>settings.php</c> that reads the branch database Slipway hands over (docs/data.md).</summary>
    public static string SettingsFromEnvironment => File.ReadAllText(Script("settings-from-environment.php"));

    /// <summary>Installs the site named <paramref name="siteName"/> and returns the database's URL, as DumpDatabase takes it.</summary>
    public static async Task<string> InstallAsync(DatabaseContainerAddress server, string siteName)
    {
        // A new server makes its system tables before it listens: Slipway's own wait, on its admin login.
        var endpoint = new DatabaseEndpoint("127.0.0.1", server.HostPort, server.AdminUser, server.AdminPassword);
        await new OnDemandDatabaseServer(_ => Task.FromResult(endpoint), server.HostForTasks, DatabaseContainerAddress.PortForTasks).StartAsync(CancellationToken.None);
        var password = Guid.NewGuid().ToString("N");
        await using (var admin = await OpenAsync(server))
        {
            foreach (var sql in new[]
            {
                $"CREATE DATABASE {Database} CHARACTER SET utf8mb4",
                $"CREATE USER '{Database}'@'%' IDENTIFIED BY '{password}'",
                $"CREATE USER '{Database}'@'localhost' IDENTIFIED BY '{password}'",
                $"GRANT ALL ON {Database}.* TO '{Database}'@'%'",
                $"GRANT ALL ON {Database}.* TO '{Database}'@'localhost'",
            })
            {
                await new MySqlCommand(sql, admin).ExecuteNonQueryAsync();
            }
        }

        using var scratch = new DrupalFixture();
        var defaultSite = Path.Combine(scratch.Path, "sites", "default");
        File.Copy(Path.Combine(defaultSite, "default.settings.php"), Path.Combine(defaultSite, "settings.php"));
        Directory.CreateDirectory(Path.Combine(defaultSite, "files"));
        await Drupal7Installer.InstallAsync(
            Script("install-drupal7.php"), scratch.Path,
            new Drupal7Install(Database, Database, password, "127.0.0.1", server.HostPort, siteName, "site-owner@customer.example"));
        return $"mysql://{Database}:{password}@127.0.0.1:{server.HostPort}/{Database}";
    }

    /// <summary>One value of a query run as the server's admin, or null when it returns no row.</summary>
    public static async Task<string?> QueryAsync(DatabaseContainerAddress server, string sql)
    {
        await using var admin = await OpenAsync(server);
        return await new MySqlCommand(sql, admin).ExecuteScalarAsync() switch
        {
            null or DBNull => null,
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>Every row's first column of a query run as the server's admin.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync(DatabaseContainerAddress server, string sql)
    {
        await using var admin = await OpenAsync(server);
        await using var reader = await new MySqlCommand(sql, admin).ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<MySqlConnection> OpenAsync(DatabaseContainerAddress server)
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = "127.0.0.1", Port = (uint)server.HostPort, UserID = server.AdminUser, Password = server.AdminPassword, Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static string Script(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "Drupal7", name);
}
