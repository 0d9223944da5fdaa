using System.Security.Cryptography;
using Slipway.Data.Servers;
using Slipway.Data.State;
using Slipway.Engine;

namespace Slipway.Data.Branches;

/// <summary>
/// An account of its own for one command run against a branch's database (<c>Run</c>, <c>Cron</c>): the branch's
/// own user cannot be handed out again, because giving it a fresh password would lock out the playground that
/// uses it. The account has rights on the branch's database only and is dropped when the command ends; one a
/// killed process left behind is recognisable by its <see cref="Prefix"/>.
/// </summary>
public sealed class CommandAccounts(IDatabaseServer server, IBranchDatabaseRecords records)
{
    /// <summary>Every command account's name starts with this.</summary>
    public const string Prefix = "slipway_cmd_";

    private static readonly string[] UserHosts = ["%", "localhost"];

    /// <summary>Creates the account on the branch's recorded database.</summary>
    /// <exception cref="DataException">The branch has no database of its own.</exception>
    public async Task<CommandAccount> GrantAsync(string app, string branch, CancellationToken cancellationToken)
    {
        var record = await records.FindAsync(app, branch, cancellationToken)
            ?? throw new DataException($"{branch} of {app} has no database of its own yet: start its playground first, which creates it.");
        var endpoint = await server.StartAsync(cancellationToken);
        var user = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'x').Replace('/', 'y').TrimEnd('=');
        await using (var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken))
        {
            foreach (var host in UserHosts)
            {
                var account = Account(user, host);
                await admin.ExecuteAsync($"CREATE USER {account} IDENTIFIED BY {AdminConnection.Literal(password)}", cancellationToken);
                await admin.ExecuteAsync($"GRANT ALL PRIVILEGES ON {AdminConnection.Identifier(record.Database)}.* TO {account}", cancellationToken);
            }
        }

        var database = new BranchDatabase(new DatabaseUrl(endpoint with { User = user, Password = password }, record.Database), record.SourceDump);
        return new CommandAccount(database, server.HostForTasks, server.PortForTasks, token => DropAsync(endpoint, user, token));
    }

    private static async Task DropAsync(DatabaseEndpoint endpoint, string user, CancellationToken cancellationToken)
    {
        await using var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken);
        foreach (var host in UserHosts)
        {
            await admin.ExecuteAsync($"DROP USER IF EXISTS {Account(user, host)}", cancellationToken);
        }
    }

    private static string Account(string user, string host) => $"{AdminConnection.Literal(user)}@{AdminConnection.Literal(host)}";
}

/// <summary>A command's own account on a branch database; disposing it drops the account.</summary>
/// <param name="portForTasks">The port tasks reach the server on (Slipway's own container: 3306 on its network, not the host's port).</param>
public sealed class CommandAccount(BranchDatabase database, string? hostForTasks, int? portForTasks, Func<CancellationToken, Task> drop) : IAsyncDisposable
{
    /// <summary>The plain variables the app reads its database from (<c>DB_HOST</c>, <c>DB_NAME</c>, ...).</summary>
    public IReadOnlyDictionary<string, string> Settings => database.Settings(hostForTasks, portForTasks);

    /// <summary>What opens the database (<c>DATABASE_URL</c>, <c>DB_PASSWORD</c>): secrets, handed to the task as files.</summary>
    public IReadOnlyDictionary<string, string> Secrets => database.Secrets(hostForTasks, portForTasks);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await drop(CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Warning($"Could not drop the command's database account ({exception.Message.TrimEnd('.')}); its name starts with {CommandAccounts.Prefix}.");
        }
    }
}
