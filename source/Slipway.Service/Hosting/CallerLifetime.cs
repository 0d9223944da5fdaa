using Microsoft.Extensions.Hosting;

namespace Slipway.Service.Hosting;

/// <summary>
/// The service stops when its caller says so (the Serve target's token), not on signals of its own: the build
/// already turns Ctrl+C and SIGTERM into that token, and tests run several services in one process.
/// </summary>
internal sealed class CallerLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
