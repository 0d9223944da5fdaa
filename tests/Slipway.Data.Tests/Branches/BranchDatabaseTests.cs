using System.IO.Compression;
using MySqlConnector;
using Slipway.Data.Branches;
using Slipway.Data.Dumps;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Branches;

[Collection(MariaDbCollection.Name)]
public sealed class BranchDatabaseTests(DrupalServerFixture fixture) : IDisposable
{
    private const string App = "drupal7";
    private readonly DataWorld _world = new(fixture.Server.Admin);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task DumpDatabase_stores_the_Drupal_site_without_its_users_emails_password_hashes_or_log()
    {
        var stored = await new DatabaseDumper(_world.Store, SanitizeRules.Drupal).DumpAsync(App, fixture.Drupal.Source, keep: 3, CancellationToken.None);

        stored.Name.Should().MatchRegex(@"^\d{8}T\d{6}Z\.sql\.gz$");
        (await _world.Store.FindLatestAsync(App, CancellationToken.None)).Should().Be(stored);
        var text = await ReadDumpAsync(stored);
        // Drupal 7 keeps variables in a BLOB column, which the dump writes as hex.
        var siteNameInHex = Convert.ToHexString(System.Text.Encoding.UTF8.GetBytes(DrupalSourceFixture.SiteName));
        text.Should().Contain(siteNameInHex).And.Contain("user1@example.invalid").And.Contain("user2@example.invalid");
        text.Should().NotContain(DrupalSourceFixture.AdminMail).And.NotContain(DrupalSourceFixture.EditorMail).And.NotContain("203.0.113.9");
        fixture.Drupal.PasswordHashes.Should().HaveCount(2);
        foreach (var hash in fixture.Drupal.PasswordHashes)
        {
            text.Should().NotContain(hash);
        }
    }

    [Fact]
    public async Task Two_branches_get_their_own_copy_of_the_site_and_a_schema_change_on_one_is_absent_on_the_other()
    {
        await new DatabaseDumper(_world.Store, SanitizeRules.Drupal).DumpAsync(App, fixture.Drupal.Source, keep: 3, CancellationToken.None);
        var branches = _world.Branches();

        var a = await branches.EnsureAsync(App, "feature/a", "feature-a", CancellationToken.None);
        var b = await branches.EnsureAsync(App, "feature/b", "feature-b", CancellationToken.None);
        try
        {
            a.Url.Database.Should().Be("drupal7_feature_a");
            (await SiteNameAsync(a)).Should().Contain(DrupalSourceFixture.SiteName);
            (await SiteNameAsync(b)).Should().Contain(DrupalSourceFixture.SiteName);

            // What a hook's schema update on branch A does, with A's own account.
            await using (var onA = await DrupalSourceFixture.OpenAsync(a.Url.Endpoint, a.Url.Database))
            {
                await new MySqlCommand("ALTER TABLE node ADD COLUMN branch_a_field INT", onA).ExecuteNonQueryAsync();
            }

            (await ColumnsOfNodeAsync(a)).Should().Contain("branch_a_field");
            (await ColumnsOfNodeAsync(b)).Should().NotContain("branch_a_field");
            var intoB = () => DrupalSourceFixture.OpenAsync(a.Url.Endpoint, b.Url.Database);
            await intoB.Should().ThrowAsync<MySqlException>("a branch's user has rights on its own database only");

            var again = await branches.EnsureAsync(App, "feature/a", "feature-a", CancellationToken.None);
            (await ColumnsOfNodeAsync(again)).Should().Contain("branch_a_field", "a branch keeps its database across runs");
            var withOldPassword = () => DrupalSourceFixture.OpenAsync(a.Url.Endpoint, a.Url.Database);
            await withOldPassword.Should().ThrowAsync<MySqlException>("every run gets a fresh password");

            (await branches.DropAsync(App, "feature/a", CancellationToken.None)).Should().BeTrue();
            (await DatabasesAsync()).Should().NotContain(a.Url.Database).And.Contain(b.Url.Database);
            (await UsersAsync()).Should().NotContain(a.Url.Endpoint.User).And.Contain(b.Url.Endpoint.User);
            (await _world.Records.FindAsync(App, "feature/a", CancellationToken.None)).Should().BeNull();
            (await SiteNameAsync(b)).Should().Contain(DrupalSourceFixture.SiteName);
        }
        finally
        {
            await branches.DropAsync(App, "feature/b", CancellationToken.None);
        }
    }

    [Fact]
    public async Task Without_a_dump_the_branch_database_starts_empty_for_the_installer()
    {
        var branches = _world.Branches();

        var database = await branches.EnsureAsync("fresh-app", "main", "main", CancellationToken.None);

        database.SourceDump.Should().BeNull();
        await using (var connection = await DrupalSourceFixture.OpenAsync(database.Url.Endpoint, database.Url.Database))
        {
            (await new MySqlCommand("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()", connection).ExecuteScalarAsync())
                .Should().Be(0L);
        }

        await branches.DropAsync("fresh-app", "main", CancellationToken.None);
    }

    [Fact]
    public async Task A_database_Slipway_did_not_record_is_never_replaced()
    {
        await using (var admin = await DrupalSourceFixture.OpenAsync(fixture.Server.Admin))
        {
            await new MySqlCommand("CREATE DATABASE drupal7_someones_own; CREATE TABLE drupal7_someones_own.notes (id INT)", admin).ExecuteNonQueryAsync();
        }

        var ensure = () => _world.Branches().EnsureAsync(App, "someones-own", "someones-own", CancellationToken.None);

        (await ensure.Should().ThrowAsync<DataException>()).Which.Message.Should().Contain("already has a database 'drupal7_someones_own' that Slipway did not record");
        await using var check = await DrupalSourceFixture.OpenAsync(fixture.Server.Admin, "drupal7_someones_own");
        (await new MySqlCommand("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'drupal7_someones_own'", check).ExecuteScalarAsync()).Should().Be(1L);
    }

    [Fact]
    public async Task A_cancelled_import_leaves_no_database_and_no_client_process_behind()
    {
        await StoreGeneratedDumpAsync("big-app", rows: 200_000);
        using var cancellation = new CancellationTokenSource();
        var clientProcess = 0;
        var branches = _world.Branches(
            progress: fed => { if (fed > 4_000_000) cancellation.Cancel(); },
            started: (pid, _) => clientProcess = pid);

        var import = () => branches.EnsureAsync("big-app", "feature/cancelled", "feature-cancelled", cancellation.Token);

        await import.Should().ThrowAsync<OperationCanceledException>();
        clientProcess.Should().NotBe(0);
        ProcessIsGone(clientProcess).Should().BeTrue("the mysql client is killed with the import");
        (await DatabasesAsync()).Should().NotContain(name => name.StartsWith(DatabaseNames.ImportPrefix) || name == "big_app_feature_cancelled");
        (await _world.Records.ListAsync("big-app", CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_unreachable_server_and_a_refused_user_are_named_in_one_sentence()
    {
        var closedPort = fixture.Server.Admin with { Port = 1 };
        var unreachable = () => new DataWorld(closedPort).Branches().EnsureAsync(App, "x", "x", CancellationToken.None);
        (await unreachable.Should().ThrowAsync<DataException>()).Which.Message
            .Should().Be("The database server at 127.0.0.1:1 cannot be reached: start it or fix its host and port.");

        var wrongPassword = fixture.Drupal.Source with { Endpoint = fixture.Drupal.Source.Endpoint with { Password = "wrong" } };
        var refused = () => new DatabaseDumper(_world.Store, SanitizeRules.Drupal).DumpAsync(App, wrongPassword, 3, CancellationToken.None);
        (await refused.Should().ThrowAsync<DataException>()).Which.Message
            .Should().StartWith($"The source database at {fixture.Server.Admin.Address} refused user 'drupal_source'").And.NotContain("wrong");
        (await _world.Store.ListAsync(App, CancellationToken.None)).Should().BeEmpty("a failed dump stores nothing");
    }

    private async Task StoreGeneratedDumpAsync(string app, int rows)
    {
        await _world.Store.SaveAsync(StoredDump.At(app, DateTimeOffset.UtcNow), async (target, token) =>
        {
            await using var gzip = new GZipStream(target, CompressionLevel.Fastest);
            await using var writer = new StreamWriter(gzip);
            await writer.WriteLineAsync("CREATE TABLE generated (id INT PRIMARY KEY, payload TEXT) ENGINE=InnoDB;");
            for (var row = 0; row < rows; row += 100)
            {
                await writer.WriteLineAsync("INSERT INTO generated (id, payload) VALUES " +
                    string.Join(',', Enumerable.Range(row, 100).Select(id => $"({id},'{new string('x', 100)}')")) + ";");
            }
        }, keep: 1, CancellationToken.None);
    }

    private static bool ProcessIsGone(int id)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(id);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private async Task<string> ReadDumpAsync(StoredDump dump)
    {
        await using var stream = await _world.Store.OpenReadAsync(dump, CancellationToken.None);
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        return await reader.ReadToEndAsync();
    }

    private static async Task<string> SiteNameAsync(BranchDatabase database)
    {
        await using var connection = await DrupalSourceFixture.OpenAsync(database.Url.Endpoint, database.Url.Database);
        var value = await new MySqlCommand("SELECT value FROM variable WHERE name = 'site_name'", connection).ExecuteScalarAsync();
        return value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : Convert.ToString(value)!;
    }

    private static async Task<IReadOnlyList<string>> ColumnsOfNodeAsync(BranchDatabase database)
    {
        await using var connection = await DrupalSourceFixture.OpenAsync(database.Url.Endpoint, database.Url.Database);
        return await ListAsync(connection, "SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'node'");
    }

    private async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        await using var connection = await DrupalSourceFixture.OpenAsync(fixture.Server.Admin);
        return await ListAsync(connection, "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA");
    }

    private async Task<IReadOnlyList<string>> UsersAsync()
    {
        await using var connection = await DrupalSourceFixture.OpenAsync(fixture.Server.Admin);
        return await ListAsync(connection, "SELECT User FROM mysql.user");
    }

    private static async Task<IReadOnlyList<string>> ListAsync(MySqlConnection connection, string sql)
    {
        var values = new List<string>();
        await using var reader = await new MySqlCommand(sql, connection).ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
