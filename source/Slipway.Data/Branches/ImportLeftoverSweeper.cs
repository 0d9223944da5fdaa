using Slipway.Data.Servers;
using Slipway.Engine;

namespace Slipway.Data.Branches;

/// <summary>
/// Drops the temporary databases of imports whose Slipway process died outright (kill -9, power cut), which no
/// <c>finally</c> could drop. An import holds a server lock named after its temporary database for as long as it runs
/// (<see cref="DumpImporter"/>); the server frees it when the importing process's connection goes, so a temporary
/// database whose lock is free belongs to nobody, while one whose lock is held is a live import of another run and stays.
/// </summary>
internal static class ImportLeftoverSweeper
{
    /// <returns>The names of the databases dropped.</returns>
    public static async Task<IReadOnlyList<string>> SweepAsync(DatabaseEndpoint server, CancellationToken cancellationToken)
    {
        await using var admin = await AdminConnection.OpenAsync(server, cancellationToken);
        var temporaries = await admin.ListAsync(
            "SELECT SCHEMA_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE @prefix", cancellationToken,
            ("@prefix", DatabaseNames.ImportPrefix.Replace("_", "\\_") + "%"));
        var dropped = new List<string>();
        foreach (var name in temporaries)
        {
            var free = await admin.ListAsync("SELECT IS_FREE_LOCK(@name)", cancellationToken, ("@name", name));
            if (free is ["1"])
            {
                await admin.ExecuteAsync($"DROP DATABASE IF EXISTS {AdminConnection.Identifier(name)}", cancellationToken);
                dropped.Add(name);
            }
        }

        if (dropped.Count > 0)
        {
            Log.Information($"Dropped {dropped.Count} temporary database(s) of imports whose process had died: {string.Join(", ", dropped)}.");
        }

        return dropped;
    }
}
