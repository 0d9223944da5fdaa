namespace Slipway.Data.Servers;

/// <summary>
/// The one shared database server every branch's database lives on: a MariaDB container Slipway
/// keeps on the local engine, or a server given by settings (RDS on AWS), never created by Slipway.
/// </summary>
public interface IDatabaseServer
{
    /// <summary>Makes sure the server answers (starting it when Slipway keeps it) and returns its admin endpoint.</summary>
    Task<DatabaseEndpoint> StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The host name the app's tasks reach the server by, when it differs from the admin endpoint's
    /// (e.g. the container's name on the tasks' network); null when it is the same.
    /// </summary>
    string? HostForTasks { get; }

    /// <summary>The port the app's tasks reach the server at, when it differs from the admin endpoint's; null when it is the same.</summary>
    int? PortForTasks => null;
}

/// <summary>A server that already runs and is given by settings (host, port, admin user and password).</summary>
public sealed class ConfiguredDatabaseServer(DatabaseEndpoint endpoint, string? hostForTasks = null) : IDatabaseServer
{
    public string? HostForTasks => hostForTasks;

    public Task<DatabaseEndpoint> StartAsync(CancellationToken cancellationToken) => Task.FromResult(endpoint);
}
