namespace Slipway.Data.Servers;

/// <summary>
/// A server Slipway starts the first time a run needs it and then keeps (locally: its own MariaDB container).
/// <see cref="StartAsync"/> returns once the server accepts the admin login, which after a first start takes as long
/// as the server needs to make its system tables.
/// </summary>
/// <param name="start">Starts the server when it is not running and returns its admin endpoint.</param>
/// <param name="hostForTasks">The name the app's tasks reach it by.</param>
/// <param name="portForTasks">The port the app's tasks reach it at.</param>
public sealed class OnDemandDatabaseServer(
    Func<CancellationToken, Task<DatabaseEndpoint>> start, string hostForTasks, int portForTasks, TimeSpan? readyTimeout = null) : IDatabaseServer
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DatabaseEndpoint? _ready;

    public string? HostForTasks => hostForTasks;

    public int? PortForTasks => portForTasks;

    public async Task<DatabaseEndpoint> StartAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_ready is null)
            {
                var endpoint = await start(cancellationToken);
                await WaitUntilItAcceptsTheLoginAsync(endpoint, readyTimeout ?? TimeSpan.FromMinutes(3), cancellationToken);
                _ready = endpoint;
            }

            return _ready;
        }
        finally
        {
            _gate.Release();
        }
    }

    // A server making its system tables has no network yet; there is no event to wait on but its answer.
    private static async Task WaitUntilItAcceptsTheLoginAsync(DatabaseEndpoint endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            try
            {
                await using var admin = await AdminConnection.OpenAsync(endpoint, cancellationToken);
                return;
            }
            catch (DataException exception) when (DateTimeOffset.UtcNow > deadline)
            {
                throw new DataException($"Slipway's database server at {endpoint.Address} did not accept its admin login within {timeout.TotalSeconds:0} s: {exception.Message}", exception);
            }
            catch (DataException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }
}
