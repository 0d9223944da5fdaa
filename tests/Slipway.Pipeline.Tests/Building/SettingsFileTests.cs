using System.Diagnostics;
using System.Text.Json;
using Slipway.Pipeline.Tests.Fixtures;

namespace Slipway.Pipeline.Tests.Building;

/// <summary>
/// docker/app/settings.slipway.php as a Drupal site's settings.php includes it, run by this machine's php with
/// the environment Slipway gives the app.
/// </summary>
public sealed class SettingsFileTests
{
    [Fact]
    public async Task Drupal7_GetsItsDatabaseFromTheDbVariables_WithThePasswordFromAFile()
    {
        var password = Path.GetTempFileName();
        await File.WriteAllTextAsync(password, "s3cret\n");
        try
        {
            var settings = await IncludeAsync(
                "define('VERSION', '7.105');",
                new Dictionary<string, string>
                {
                    ["DB_HOST"] = "127.0.0.1", ["DB_PORT"] = "3307", ["DB_NAME"] = "shop_feature_x", ["DB_USER"] = "shop_feature_x",
                    ["DB_PASSWORD_FILE"] = password,
                });

            var database = settings.GetProperty("databases").GetProperty("default").GetProperty("default");
            database.GetProperty("driver").GetString().Should().Be("mysql");
            database.GetProperty("database").GetString().Should().Be("shop_feature_x");
            database.GetProperty("username").GetString().Should().Be("shop_feature_x");
            database.GetProperty("password").GetString().Should().Be("s3cret");
            database.GetProperty("host").GetString().Should().Be("127.0.0.1");
            database.GetProperty("port").GetString().Should().Be("3307");
            settings.GetProperty("drupal_hash_salt").GetString().Should().HaveLength(64, "Drupal 7 keeps its salt in $drupal_hash_salt");
        }
        finally
        {
            File.Delete(password);
        }
    }

    [Fact]
    public async Task Drupal10_GetsItsDatabaseFromDatabaseUrl_AndTheCoreMysqlDriver()
    {
        var root = Directory.CreateTempSubdirectory("slipway-d10-").FullName;
        Directory.CreateDirectory(Path.Combine(root, "core", "modules", "mysql", "src", "Driver", "Database", "mysql"));
        try
        {
            var settings = await IncludeAsync(
                $"$app_root = '{root}'; $settings = [];",
                new Dictionary<string, string> { ["DATABASE_URL"] = "mysql://shop_b:p%40ss@db.internal:3306/shop_b" });

            var database = settings.GetProperty("databases").GetProperty("default").GetProperty("default");
            database.GetProperty("database").GetString().Should().Be("shop_b");
            database.GetProperty("password").GetString().Should().Be("p@ss");
            database.GetProperty("host").GetString().Should().Be("db.internal");
            database.GetProperty("namespace").GetString().Should().Be("Drupal\\mysql\\Driver\\Database\\mysql");
            settings.GetProperty("settings").GetProperty("hash_salt").GetString().Should().HaveLength(64);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutADatabase_TheSiteKeepsNone_SoDrupalsInstallerRuns()
    {
        var settings = await IncludeAsync("define('VERSION', '7.105');", new Dictionary<string, string>());

        settings.GetProperty("databases").ValueKind.Should().Be(JsonValueKind.Null);
    }

    /// <summary>Includes the settings file after <paramref name="before"/> and returns the variables it leaves.</summary>
    private static async Task<JsonElement> IncludeAsync(string before, IReadOnlyDictionary<string, string> environment)
    {
        var file = RepositoryRoot.Combine("docker", "app", "settings.slipway.php");
        var code = $"{before} include '{file}'; echo json_encode(['databases' => $databases ?? null, 'settings' => $settings ?? null, 'drupal_hash_salt' => $drupal_hash_salt ?? null]);";
        var info = new ProcessStartInfo("php", ["-r", code]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var name in new[] { "DATABASE_URL", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var php = Process.Start(info)!;
        var output = await php.StandardOutput.ReadToEndAsync();
        var errors = await php.StandardError.ReadToEndAsync();
        await php.WaitForExitAsync();
        php.ExitCode.Should().Be(0, errors);
        return JsonDocument.Parse(output).RootElement.Clone();
    }
}
