using System.Net;
using Slipway.Docker.Databases;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// <c>./build.sh Playground --database-per-branch</c> on an app whose build hook fills its branch database and whose
/// page reads it back: Slipway's own MariaDB container is the server, hooks and playground get the password as a file
/// (never in docker inspect), and Teardown drops the database.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class BranchDatabasePlaygroundTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Playground_WithADatabasePerBranch_ShowsWhatItsHookStored_AndTeardownDropsIt()
    {
        var server = new DatabaseContainerOptions { Name = $"slipway-test-{Guid.NewGuid().ToString("N")[..8]}-mariadb" };
        var app = Directory.CreateTempSubdirectory("slipway-e2e-dbapp-").FullName;
        try
        {
            await WriteAppAsync(app);
            var branch = fixture.NewBranch("e2e-database");
            await IsolatedGit.RunAsync(app, "branch", branch);
            string[] data = ["--database-per-branch", "--database-server-name", server.Name];

            var run = await fixture.BuildScript.RunAsync(["Playground", "--app", app, "--branch", branch, .. data]);

            run.ExitCode.Should().Be(0, run.ToString());
            var playground = (await fixture.ContainersOfAsync(branch)).Single(c => c.Labels.GetValueOrDefault(Ownership.KindLabel) == "playground");
            (await GetAsync(playground.Id, playground.Labels["slipway:slug"])).Should().Be($"Greeting: seeded on {branch}");
            var password = await DockerCommand.RunAsync("exec", playground.Id, "cat", "/run/slipway-secrets/DB_PASSWORD");
            password.Should().HaveLength(32, "the branch user's password is in the playground's secret file");
            (await DockerCommand.RunAsync("inspect", playground.Id)).Should().Contain("DB_PASSWORD_FILE").And.NotContain(password);
            var database = (await ServerSqlAsync(server.Name, "SHOW DATABASES")).Split('\n').Single(name => name.Contains("e2e_database", StringComparison.Ordinal));

            var teardown = await fixture.BuildScript.RunAsync(["Teardown", "--app", app, "--branch", branch, .. data]);

            teardown.ExitCode.Should().Be(0, teardown.ToString());
            (await ServerSqlAsync(server.Name, "SHOW DATABASES")).Should().NotContain(database);
            (await ServerSqlAsync(server.Name, "SELECT User FROM mysql.user")).Should().NotContain(database[..Math.Min(database.Length, 32)]);
            (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
        }
        finally
        {
            await new DatabaseContainer(fixture.Docker, server).RemoveAsync(withData: true, CancellationToken.None);
            Directory.Delete(app, recursive: true);
        }
    }

    /// <summary>A PHP app: a hook stores a greeting in the branch database, the page shows it (getenv, as docs/data.md says).</summary>
    private static async Task WriteAppAsync(string app)
    {
        Directory.CreateDirectory(Path.Combine(app, "web"));
        Directory.CreateDirectory(Path.Combine(app, "devops_hooks"));
        await File.WriteAllTextAsync(Path.Combine(app, "web", "index.php"), """
            <?php
            $pdo = new PDO(sprintf('mysql:host=%s;port=%s;dbname=%s', getenv('DB_HOST'), getenv('DB_PORT'), getenv('DB_NAME')), getenv('DB_USER'), getenv('DB_PASSWORD'));
            echo 'Greeting: ' . $pdo->query('SELECT text FROM greeting')->fetchColumn();
            """);
        await File.WriteAllTextAsync(Path.Combine(app, "devops_hooks", "50-seed.sh"), """
            php -r '
              $u = parse_url(getenv("DATABASE_URL"));
              $pdo = new PDO(sprintf("mysql:host=%s;port=%d;dbname=%s", $u["host"], $u["port"], ltrim($u["path"], "/")), urldecode($u["user"]), urldecode($u["pass"]));
              $pdo->exec("CREATE TABLE IF NOT EXISTS greeting (text VARCHAR(100))");
              $pdo->exec("DELETE FROM greeting");
              $pdo->prepare("INSERT INTO greeting VALUES (?)")->execute(["seeded on " . getenv("SLIPWAY_BRANCH")]);
              echo "seeded the branch database\n";
            '
            """);
        await IsolatedGit.RunAsync(app, "init", "-q", "-b", "main");
        await IsolatedGit.RunAsync(app, "add", "-A");
        await IsolatedGit.RunAsync(app, "commit", "-q", "-m", "feat: a page from the branch database");
    }

    private async Task<string> GetAsync(string container, string slug)
    {
        var port = (await fixture.Docker.InspectContainerAsync(container, CancellationToken.None)).HostPort(80)
            ?? throw new InvalidOperationException("The playground publishes no port.");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/");
        request.Headers.Host = $"{slug}.localhost:{port}";
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    // Root inside the server's container signs in through its socket: the test needs no password.
    private static Task<string> ServerSqlAsync(string container, string sql) =>
        DockerCommand.RunAsync("exec", container, "mariadb", "--batch", "--skip-column-names", "-e", sql);
}
