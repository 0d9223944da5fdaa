using System.Diagnostics;
using Slipway.Data.Servers;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>
/// A real MariaDB server (Debian's mariadb-server) that the test run owns: its own data folder, socket
/// and free port on 127.0.0.1, an admin account made by an init file, stopped by its process id.
/// </summary>
public sealed class MariaDbServerFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"slipway-mariadb-{Guid.NewGuid():N}");
    private Process? _server;

    public DatabaseEndpoint Admin { get; private set; } = null!;

    public int ServerProcessId => _server!.Id;

    public async Task InitializeAsync()
    {
        var data = Path.Combine(_folder, "data");
        Directory.CreateDirectory(_folder);
        await RunAsync("mariadb-install-db", "--no-defaults", $"--datadir={data}", "--auth-root-authentication-method=socket", "--skip-test-db", "--user=root");

        var password = Guid.NewGuid().ToString("N");
        var initFile = Path.Combine(_folder, "init.sql");
        await File.WriteAllTextAsync(initFile, $"""
            CREATE USER 'slipway_admin'@'%' IDENTIFIED BY '{password}';
            GRANT ALL PRIVILEGES ON *.* TO 'slipway_admin'@'%' WITH GRANT OPTION;
            CREATE USER 'slipway_admin'@'localhost' IDENTIFIED BY '{password}';
            GRANT ALL PRIVILEGES ON *.* TO 'slipway_admin'@'localhost' WITH GRANT OPTION;
            """);
        var port = LoopbackPort.Free();
        var start = new ProcessStartInfo("mariadbd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[]
        {
            "--no-defaults", $"--datadir={data}", $"--socket={Path.Combine(_folder, "mysqld.sock")}", $"--port={port}",
            "--bind-address=127.0.0.1", "--user=root", $"--pid-file={Path.Combine(_folder, "mysqld.pid")}", $"--init-file={initFile}",
            "--skip-log-bin", "--innodb-buffer-pool-size=128M", "--innodb-log-file-size=64M", "--innodb-flush-log-at-trx-commit=2",
            "--skip-name-resolve", "--max-allowed-packet=256M",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _server = Process.Start(start)!;
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new List<string>();
        _server.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                ready.TrySetException(new InvalidOperationException("mariadbd ended before it was ready: " + string.Join("\n", log)));
                return;
            }

            lock (log)
            {
                log.Add(line.Data);
            }

            if (line.Data.Contains("ready for connections", StringComparison.Ordinal))
            {
                ready.TrySetResult();
            }
        };
        _server.BeginErrorReadLine();
        _server.BeginOutputReadLine();
        await ready.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Admin = new DatabaseEndpoint("127.0.0.1", port, "slipway_admin", password);
    }

    public async Task DisposeAsync()
    {
        if (_server is { HasExited: false })
        {
            _server.Kill();
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    internal static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}

/// <summary>The test run's MariaDB server with the Drupal 7 fixture installed as the source database.</summary>
public sealed class DrupalServerFixture : IAsyncLifetime
{
    public DrupalServerFixture()
    {
        Drupal = new DrupalSourceFixture(Server);
    }

    public MariaDbServerFixture Server { get; } = new();

    public DrupalSourceFixture Drupal { get; }

    public async Task InitializeAsync()
    {
        await Server.InitializeAsync();
        await Drupal.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await Drupal.DisposeAsync();
        await Server.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class MariaDbCollection : ICollectionFixture<DrupalServerFixture>
{
    public const string Name = "MariaDB server";
}
