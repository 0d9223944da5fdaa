using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Slipway.Data.Dumps;
using Slipway.Data.Tests.Fixtures;

// A branch database from a ~100 MB dump with Slipway (gunzip → temporary database → RENAME → user)
// against a plain `mariadb < dump.sql` of the same file, in the same run, on a MariaDB server of its own.
// Usage: dotnet run -c Release --project benchmarks/Slipway.Data.Benchmarks [-- megabytes]
var megabytes = args.Length > 0 ? int.Parse(args[0]) : 100;
var server = new MariaDbServerFixture();
await server.InitializeAsync();
var folder = Path.Combine(Path.GetTempPath(), $"slipway-data-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(folder);
try
{
    var world = new DataWorld(server.Admin);
    var plainFile = Path.Combine(folder, "dump.sql");
    var bytes = await DumpGenerator.WriteAsync(plainFile, megabytes * 1_000_000L);
    await world.Store.SaveAsync(StoredDump.At("bench", DateTimeOffset.UtcNow), async (target, token) =>
    {
        await using var gzip = new GZipStream(target, CompressionLevel.Fastest);
        await using var source = File.OpenRead(plainFile);
        await source.CopyToAsync(gzip, token);
    }, keep: 1, CancellationToken.None);
    Console.WriteLine($"dump: {bytes / 1_000_000.0:F1} MB uncompressed");

    for (var round = 1; round <= 4; round++)
    {
        // The order alternates, so neither side always runs on a server still busy with the other's writes.
        var plain = round % 2 == 1 ? await PlainImport.RunAsync(server.Admin, $"plain_{round}", plainFile) : TimeSpan.Zero;
        var watch = Stopwatch.StartNew();
        await world.Branches().EnsureAsync("bench", $"round-{round}", $"round-{round}", CancellationToken.None);
        var slipway = watch.Elapsed;
        if (round % 2 == 0)
        {
            plain = await PlainImport.RunAsync(server.Admin, $"plain_{round}", plainFile);
        }
        Console.WriteLine($"round {round}: plain mariadb < dump {plain.TotalSeconds:F1} s, Slipway branch database {slipway.TotalSeconds:F1} s, ratio {slipway / plain:F2}");
    }

    var dumpFolder = Path.Combine(folder, "redump");
    var before = Process.GetCurrentProcess().PeakWorkingSet64;
    var redump = Stopwatch.StartNew();
    var source = new Slipway.Data.Servers.DatabaseUrl(server.Admin, "bench_round_1");
    await new DatabaseDumper(new LocalDumpStore(dumpFolder), SanitizeRules.Drupal).DumpAsync("bench", source, 1, CancellationToken.None);
    Console.WriteLine($"DumpDatabase of that database: {redump.Elapsed.TotalSeconds:F1} s, peak working set {before / 1_048_576} MiB before, {Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576} MiB after");
    world.Dispose();
}
finally
{
    Directory.Delete(folder, recursive: true);
    await server.DisposeAsync();
}

/// <summary>A Drupal-shaped dump: node-like rows with text bodies, 500 rows per INSERT, as mysqldump writes.</summary>
static class DumpGenerator
{
    public static async Task<long> WriteAsync(string path, long targetBytes)
    {
        await using var file = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        await file.WriteLineAsync("CREATE TABLE `node_body` (`nid` int NOT NULL, `title` varchar(255) NOT NULL, `body` longtext, `changed` int NOT NULL, PRIMARY KEY (`nid`), KEY `changed` (`changed`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;");
        await file.WriteLineAsync("CREATE TABLE `users` (`uid` int NOT NULL, `name` varchar(60) NOT NULL, `pass` varchar(128) NOT NULL, `mail` varchar(254), PRIMARY KEY (`uid`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;");
        var body = string.Concat(Enumerable.Repeat("Lorem ipsum dolor sit amet, consectetur adipiscing elit. ", 16));
        long written = 0;
        var nid = 0;
        while (written < targetBytes)
        {
            var line = "INSERT INTO `node_body` (`nid`, `title`, `body`, `changed`) VALUES " +
                string.Join(',', Enumerable.Range(0, 500).Select(_ => { nid++; return $"({nid},'Node {nid}','{body}',{nid % 100000})"; })) + ";";
            await file.WriteLineAsync(line);
            written += line.Length + 1;
        }

        await file.WriteLineAsync("INSERT INTO `users` (`uid`, `name`, `pass`, `mail`) VALUES (1,'admin','$S$Dx','a@b.example');");
        return written;
    }
}

/// <summary>The baseline: the mysql client reading the plain dump file, as a person would run it.</summary>
static class PlainImport
{
    public static async Task<TimeSpan> RunAsync(Slipway.Data.Servers.DatabaseEndpoint admin, string database, string dumpFile)
    {
        var options = Path.Combine(Path.GetTempPath(), $"slipway-bench-{Guid.NewGuid():N}.cnf");
        await File.WriteAllTextAsync(options, $"[client]\nhost={admin.Host}\nport={admin.Port}\nuser={admin.User}\npassword={admin.Password}\nprotocol=TCP\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(options, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            await RunAsync("mariadb", $"--defaults-extra-file={options}", "-e", $"CREATE DATABASE {database}");
            var watch = Stopwatch.StartNew();
            await RunAsync("sh", "-c", $"mariadb --defaults-extra-file={options} {database} < {dumpFile}");
            return watch.Elapsed;
        }
        finally
        {
            File.Delete(options);
        }
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed with {process.ExitCode}.");
        }
    }
}
