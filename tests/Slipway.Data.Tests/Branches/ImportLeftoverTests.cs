using MySqlConnector;
using Slipway.Data.Branches;
using Slipway.Data.Tests.Fixtures;

namespace Slipway.Data.Tests.Branches;

/// <summary>
/// A Slipway process killed outright during an import leaves its temporary database; the next branch database made on
/// the server drops it, and never the temporary database of an import that another run is still doing.
/// </summary>
[Collection(MariaDbCollection.Name)]
public sealed class ImportLeftoverTests(DrupalServerFixture fixture) : IDisposable
{
    private readonly DataWorld _world = new(fixture.Server.Admin);

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task NextBranchDatabase_DropsTheTemporaryDatabaseOfAKilledImport_AndKeepsALiveOne()
    {
        var killed = DatabaseNames.ImportOf("killed_app_feature");
        var live = DatabaseNames.ImportOf("live_app_feature");
        // What an import does first; closing the connection without a word is how a killed process leaves it.
        await (await StartImportAsync(killed)).DisposeAsync();
        await using var liveImport = await StartImportAsync(live);

        var database = await _world.Branches().EnsureAsync("sweep-app", "main", "main", CancellationToken.None);
        try
        {
            var databases = await DatabasesAsync();
            databases.Should().NotContain(killed, "nothing holds the lock of a killed import");
            databases.Should().Contain(live, "another run is still filling it");
        }
        finally
        {
            await _world.Branches().DropAsync("sweep-app", "main", CancellationToken.None);
            await new MySqlCommand($"DROP DATABASE IF EXISTS `{live}`", liveImport).ExecuteNonQueryAsync();
        }

        database.Url.Database.Should().Be("sweep_app_main");
    }

    private async Task<MySqlConnection> StartImportAsync(string temporary)
    {
        var connection = await DrupalSourceFixture.OpenAsync(fixture.Server.Admin);
        await using var command = new MySqlCommand("SELECT GET_LOCK(@name, 0)", connection);
        command.Parameters.AddWithValue("@name", temporary);
        Convert.ToInt32(await command.ExecuteScalarAsync()).Should().Be(1);
        await new MySqlCommand($"CREATE DATABASE `{temporary}`", connection).ExecuteNonQueryAsync();
        return connection;
    }

    private async Task<IReadOnlyList<string>> DatabasesAsync()
    {
        await using var connection = await DrupalSourceFixture.OpenAsync(fixture.Server.Admin);
        await using var reader = await new MySqlCommand("SELECT SCHEMA_NAME FROM information_schema.SCHEMATA", connection).ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }
}
