using System.IO.Compression;
using Slipway.Data.Clients;
using Slipway.Data.Servers;
using Slipway.Engine;

namespace Slipway.Data.Branches;

/// <summary>
/// Loads a compressed dump into a database so that nothing half-done is ever left behind: the dump goes
/// into a temporary database, whose tables are then renamed into the target in one statement; on failure
/// or cancellation the temporary database is dropped (and the mysql client killed).
/// </summary>
internal sealed class DumpImporter(DatabaseEndpoint server)
{
    /// <summary>Called with the count of uncompressed bytes fed to the server so far.</summary>
    public Action<long>? Progress { get; init; }

    /// <summary>Called with the client's process id and the temporary database's name once the import runs.</summary>
    public Action<int, string>? Started { get; init; }

    /// <summary>Replaces <paramref name="database"/> (created when missing) by the dump's content.</summary>
    public async Task ImportAsync(string database, Stream compressedDump, CancellationToken cancellationToken)
    {
        var temporary = DatabaseNames.ImportOf(database);
        await using var admin = await AdminConnection.OpenAsync(server, cancellationToken);
        // Held by this connection until it closes, including when the process is killed: ImportLeftoverSweeper
        // drops temporary databases whose lock is free, never one that is being filled.
        await admin.ListAsync("SELECT GET_LOCK(@name, 0)", cancellationToken, ("@name", temporary));
        await admin.ExecuteAsync($"CREATE DATABASE {AdminConnection.Identifier(temporary)} CHARACTER SET utf8mb4", cancellationToken);
        try
        {
            await LoadAsync(temporary, compressedDump, cancellationToken);
            // Past this point the import is done: moving the tables is quick and is not interrupted.
            cancellationToken.ThrowIfCancellationRequested();
            await MoveTablesAsync(admin, temporary, database, CancellationToken.None);
        }
        finally
        {
            // Not cancellable: after Ctrl+C this is exactly what must still happen.
            await using var cleanup = await AdminConnection.OpenAsync(server, CancellationToken.None);
            await cleanup.ExecuteAsync($"DROP DATABASE IF EXISTS {AdminConnection.Identifier(temporary)}", CancellationToken.None);
        }
    }

    private async Task LoadAsync(string temporary, Stream compressedDump, CancellationToken cancellationToken)
    {
        await using var client = ClientProcess.Start(ClientTools.Client, server,
            ["--binary-mode", "--max-allowed-packet=1G", "--default-character-set=utf8mb4", $"--database={temporary}"]);
        Started?.Invoke(client.Id, temporary);
        // A write blocked on a full pipe does not see the token: killing the client ends it at once.
        await using var stop = cancellationToken.Register(client.Kill);
        await using (var dump = new GZipStream(compressedDump, CompressionMode.Decompress, leaveOpen: true))
        {
            var buffer = new byte[1 << 16];
            long fed = 0;
            int read;
            try
            {
                while ((read = await dump.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    await client.Input.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    fed += read;
                    Progress?.Invoke(fed);
                }

                client.Input.Close();
            }
            catch (IOException)
            {
                // Cancelled (the client was killed), or the client ended early on a bad statement: its
                // exit code and message say why, below.
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var (exitCode, errors) = await client.WaitAsync(cancellationToken);
        if (exitCode != 0)
        {
            throw new DataException($"Importing the dump into the database server at {server.Address} failed: {errors}");
        }
    }

    private static async Task MoveTablesAsync(AdminConnection admin, string temporary, string database, CancellationToken cancellationToken)
    {
        var tables = await admin.ListAsync(
            "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = @schema", cancellationToken, ("@schema", temporary));
        var target = AdminConnection.Identifier(database);
        await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {target}", cancellationToken);
        await admin.ExecuteAsync($"CREATE DATABASE {target} CHARACTER SET utf8mb4", cancellationToken);
        if (tables.Count > 0)
        {
            var renames = tables.Select(table =>
                $"{AdminConnection.Identifier(temporary)}.{AdminConnection.Identifier(table)} TO {target}.{AdminConnection.Identifier(table)}");
            await admin.ExecuteAsync("RENAME TABLE " + string.Join(", ", renames), cancellationToken);
        }

        Log.Debug($"Moved {tables.Count} tables into {database}.");
    }
}
