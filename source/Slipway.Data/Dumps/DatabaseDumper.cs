using System.IO.Compression;
using System.Text;
using Slipway.Data.Clients;
using Slipway.Data.Servers;
using Slipway.Engine;

namespace Slipway.Data.Dumps;

/// <summary>
/// Takes a dump of a source database (production or develop) and stores it sanitized: mysqldump
/// (<c>--single-transaction --quick</c>, so the site keeps running and rows stream) → the sanitizer →
/// gzip → the store. Nothing is held in memory beyond one statement, whatever the database's size.
/// </summary>
public sealed class DatabaseDumper(IDumpStore store, SanitizeRules rules, TimeProvider? clock = null)
{
    /// <summary>Dumps <paramref name="source"/> as the app's newest dump and keeps the newest <paramref name="keep"/>.</summary>
    public async Task<StoredDump> DumpAsync(string app, DatabaseUrl source, int keep, CancellationToken cancellationToken)
    {
        var dump = StoredDump.At(app, (clock ?? TimeProvider.System).GetUtcNow());
        Log.Information($"Dumping {source} into {store.Location}/{dump.Key}.");
        var stored = await store.SaveAsync(dump, (target, token) => WriteAsync(source, target, token), keep, cancellationToken);
        Log.Information($"Stored {stored.Key} (sanitized).");
        return stored;
    }

    private async Task WriteAsync(DatabaseUrl source, Stream target, CancellationToken cancellationToken)
    {
        await using var dump = ClientProcess.Start(ClientTools.Dump, source.Endpoint,
        [
            "--single-transaction", "--quick", "--complete-insert", "--hex-blob", "--skip-triggers",
            "--default-character-set=utf8mb4", "--net-buffer-length=1048576", "--skip-comments", "--no-tablespaces",
            "--", source.Database,
        ]);
        dump.Input.Close();
        await using (var gzip = new GZipStream(target, CompressionLevel.Fastest, leaveOpen: true))
        await using (var writer = new StreamWriter(gzip, new UTF8Encoding(false), 1 << 16))
        {
            using var reader = new StreamReader(dump.Output, Encoding.UTF8, false, 1 << 16);
            await new DumpSanitizer(rules).SanitizeAsync(reader, writer, cancellationToken);
        }

        var (exitCode, errors) = await dump.WaitAsync(cancellationToken);
        if (exitCode != 0)
        {
            throw Explain(source, errors);
        }
    }

    private static DataException Explain(DatabaseUrl source, string errors)
    {
        var address = source.Endpoint.Address;
        return errors switch
        {
            _ when errors.Contains("Access denied", StringComparison.OrdinalIgnoreCase) =>
                new DataException($"The source database at {address} refused user '{source.Endpoint.User}' for '{source.Database}': check the source database URL's user, password and rights."),
            _ when errors.Contains("Unknown database", StringComparison.OrdinalIgnoreCase) =>
                new DataException($"The source database server at {address} has no database '{source.Database}': fix the source database URL."),
            _ when errors.Contains("Can't connect", StringComparison.OrdinalIgnoreCase) || errors.Contains("Unknown server host", StringComparison.OrdinalIgnoreCase) =>
                new DataException($"The source database server at {address} cannot be reached: check the source database URL's host and port."),
            _ => new DataException($"mysqldump of {source} failed: {errors}"),
        };
    }
}
