using Slipway.Data;
using Slipway.Data.Servers;
using Slipway.Docker.Databases;
using Slipway.Docker.Engine;

/// <summary>Which database server branch databases live on: the configured one, or Slipway's own MariaDB container (docs/data.md).</summary>
partial class Targets
{
    [Parameter("Give every branch its own database, made before Build and dropped by Teardown: on --database-host when given, else on Slipway's own MariaDB container, started on demand and kept.")]
    readonly bool DatabasePerBranch;

    [Parameter("The name of Slipway's own database server container (its volume is <name>-data, its network <name>-net).")]
    readonly string DatabaseServerName = new DatabaseContainerOptions().Name;

    /// <summary>Whether branches get a database: a configured server implies it, as before the local server existed.</summary>
    bool HasBranchDatabases => DatabaseHost != null || DatabasePerBranch;

    bool UsesLocalDatabaseServer => DatabaseHost is null && DatabasePerBranch;

    DatabaseContainerOptions LocalDatabaseServerOptions => new() { Name = DatabaseServerName };

    /// <summary>The networks every task joins: the local database server's, when branches have their databases there.</summary>
    IReadOnlyList<string> TaskNetworks => UsesLocalDatabaseServer ? [LocalDatabaseServerOptions.Network] : [];

    /// <summary>Slipway's own MariaDB container as the data layer's server: started on first use, reached on 127.0.0.1.</summary>
    IDatabaseServer LocalDatabaseServer()
    {
        var options = LocalDatabaseServerOptions;
        return new OnDemandDatabaseServer(
            async cancellationToken =>
            {
                try
                {
                    var address = await Composition.LocalDatabaseServer(options).EnsureRunningAsync(cancellationToken);
                    Log.Information($"Database server: {address}.");
                    return new DatabaseEndpoint("127.0.0.1", address.HostPort, address.AdminUser, address.AdminPassword);
                }
                catch (DockerException exception)
                {
                    throw new DataException(exception.Message, exception);
                }
            },
            options.Name,
            DatabaseContainerAddress.PortForTasks);
    }
}
