using System.Net;
using MySqlConnector;
using Slipway.Data.Branches;
using Slipway.Data.Servers;
using Slipway.Data.Tests.Fixtures;
using Slipway.Docker.Build;
using Slipway.Docker.Databases;
using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Platform;

namespace Slipway.Data.Tests.Servers;

/// <summary>
/// Slipway's own MariaDB container: kept with its data across a stop, reachable on 127.0.0.1 only, and the server of a
/// branch database that a playground on its network reads, with the password in a file that docker inspect never shows.
/// </summary>
public sealed class LocalDatabaseServerTests(LocalServerFixture fixture) : IClassFixture<LocalServerFixture>
{
    [Fact]
    public async Task Server_StoppedAndAskedForAgain_StartsWithItsDataKept_OnLoopbackOnly()
    {
        var admin = await fixture.NewServer().StartAsync(CancellationToken.None);
        await using (var connection = await OpenAsync(admin))
        {
            await new MySqlCommand("CREATE DATABASE IF NOT EXISTS kept_across_restarts", connection).ExecuteNonQueryAsync();
        }

        await fixture.Docker.StopContainerAsync(fixture.Options.Name, TimeSpan.FromSeconds(30), CancellationToken.None);
        var again = await fixture.NewServer().StartAsync(CancellationToken.None);

        await using (var connection = await OpenAsync(again))
        {
            var databases = await new MySqlCommand("SHOW DATABASES LIKE 'kept_across_restarts'", connection).ExecuteScalarAsync();
            databases.Should().Be("kept_across_restarts");
        }

        var details = await fixture.Docker.InspectContainerAsync(fixture.Options.Name, CancellationToken.None);
        details.Ports.Should().OnlyContain(port => port.HostAddress == "127.0.0.1");
        details.Labels.Should().Contain(Ownership.KindLabel, DatabaseContainer.Kind);
        (await fixture.Docker.InspectVolumeAsync(fixture.Options.Volume, CancellationToken.None)).Should().Contain(Ownership.KindLabel, DatabaseContainer.Kind);
        (await DockerCommand.RunAsync("inspect", fixture.Options.Name)).Should().NotContain(again.Password);
    }

    [Fact]
    public async Task Playground_OnTheServersNetwork_ShowsItsBranchDatabasesData_WhileInspectShowsNoPassword()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-local-server-");
        var server = fixture.NewServer();
        var branches = new BranchDatabases(server, new Slipway.Data.Dumps.LocalDumpStore(Path.Combine(folder.FullName, "dumps")), new Slipway.Data.State.SqliteBranchDatabaseRecords(Path.Combine(folder.FullName, "slipway.db")));
        var database = await branches.EnsureAsync("shop", "feature/greeting", "feature-greeting", CancellationToken.None);
        try
        {
            await using (var connection = await OpenAsync(database.Url.Endpoint, database.Url.Database))
            {
                await new MySqlCommand("CREATE TABLE greeting (text VARCHAR(64)); INSERT INTO greeting VALUES ('hello from feature-greeting')", connection).ExecuteNonQueryAsync();
            }

            var platform = new DockerPlatform(fixture.Docker, new DockerPlatformOptions { Networks = [fixture.Options.Network], ExtraLabels = fixture.Labels });
            var spec = new ServiceSpec(
                $"greeting-{fixture.TestId}",
                await BuildSiteImageAsync(),
                new Ownership("shop", "feature/greeting", "run-1"),
                Environment: database.Settings(server.HostForTasks, server.PortForTasks),
                Secrets: database.Secrets(server.HostForTasks, server.PortForTasks));

            var endpoint = await platform.StartServiceAsync(spec, CancellationToken.None);

            (await GetWhenReadyAsync(new Uri(endpoint.ProbeUrl, "/greeting.php"))).Should().Be("hello from feature-greeting");
            (await DockerCommand.RunAsync("inspect", endpoint.ResourceId)).Should().NotContain(database.Url.Endpoint.Password)
                .And.Contain("DB_PASSWORD_FILE=/run/slipway-secrets/DB_PASSWORD");
        }
        finally
        {
            await branches.DropAsync("shop", "feature/greeting", CancellationToken.None);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A PHP site that reads its password the way docs/data.md tells apps to: from DB_PASSWORD_FILE.</summary>
    private async Task<string> BuildSiteImageAsync()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-greeting-site-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "Dockerfile"), """
                FROM slipway-base/php-apache:8.2
                COPY greeting.php /var/www/html/greeting.php
                """);
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "greeting.php"), """
                <?php
                $password = getenv('DB_PASSWORD_FILE') ? trim(file_get_contents(getenv('DB_PASSWORD_FILE'))) : getenv('DB_PASSWORD');
                $pdo = new PDO('mysql:host=' . getenv('DB_HOST') . ';port=' . getenv('DB_PORT') . ';dbname=' . getenv('DB_NAME'), getenv('DB_USER'), $password);
                echo $pdo->query('SELECT text FROM greeting')->fetchColumn();
                """);
            var tag = $"slipway-test/greeting-site:{fixture.TestId}";
            await fixture.Docker.BuildImageAsync(
                new DockerBuildRequest(BuildContext.FromFolder(folder.FullName)) { Tags = [tag], Labels = fixture.Labels }, onOutput: null, CancellationToken.None);
            return tag;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<MySqlConnection> OpenAsync(DatabaseEndpoint endpoint, string database = "")
    {
        var connection = new MySqlConnection(new MySqlConnectionStringBuilder
        {
            Server = endpoint.Host, Port = (uint)endpoint.Port, UserID = endpoint.User, Password = endpoint.Password, Database = database, Pooling = false,
            AllowUserVariables = true,
        }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> GetWhenReadyAsync(Uri address)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        var deadline = DateTimeOffset.UtcNow.AddMinutes(3);
        var last = "nothing";
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(address);
                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}";
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return await response.Content.ReadAsStringAsync();
                }
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300));
        }

        throw new TimeoutException($"{address} never answered 200; last: {last}");
    }
}
