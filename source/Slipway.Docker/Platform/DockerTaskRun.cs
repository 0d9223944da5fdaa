using System.Globalization;
using System.Runtime.CompilerServices;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>A task running as a container on the local engine; disposing it removes the container and its services.</summary>
internal sealed class DockerTaskRun(DockerClient client, string containerId, TimeSpan? timeout, TimeSpan stopTimeout, SidecarGroup? sidecars = null) : ITaskRun
{
    private int disposed;

    public string Id => containerId;

    public async Task<TaskOutcome> WaitAsync(CancellationToken cancellationToken)
    {
        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit) : new CancellationTokenSource();
        using var waitSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var exitCode = await client.WaitContainerAsync(containerId, waitSource.Token);
            var state = (await client.InspectContainerAsync(containerId, cancellationToken)).State;
            return new TaskOutcome(exitCode, state.OomKilled ? "killed for running out of memory" : null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl+C: the task's work is thrown away, so it is killed at once rather than given the grace period
            // a shell that ignores SIGTERM (a script as PID 1) would sit out before the engine kills it anyway.
            await KillAsync();
            throw;
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested)
        {
            await StopAsync(CancellationToken.None);
            var exitCode = await client.WaitContainerAsync(containerId, CancellationToken.None);
            var seconds = timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return new TaskOutcome(exitCode, $"timed out after {seconds} s");
        }
    }

    private async Task KillAsync()
    {
        try
        {
            await client.StopContainerAsync(containerId, TimeSpan.Zero, CancellationToken.None);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already removed: nothing runs.
        }
    }

    public IAsyncEnumerable<IReadOnlyList<LogLine>> ReadLogAsync(CancellationToken cancellationToken) =>
        client.ReadContainerLogAsync(containerId, follow: true, cancellationToken);

    /// <summary>
    /// The log as it is written. The engine ends a follow without a last line that has no line ending (it hands that
    /// line only to readers that come after it, measured on Docker 28: 10 of 12 such lines lost), so once the follow
    /// ends the log is read again and what the follow missed comes after it.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<LogLine>> FollowLogAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var followed = 0;
        await foreach (var page in client.ReadContainerLogAsync(containerId, follow: true, cancellationToken))
        {
            followed += page.Count;
            yield return page;
        }

        var index = 0;
        var missed = new List<LogLine>();
        await foreach (var page in client.ReadContainerLogAsync(containerId, follow: false, cancellationToken))
        {
            missed.AddRange(page.Where(_ => index++ >= followed));
        }

        if (missed.Count > 0)
        {
            yield return missed;
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.StopContainerAsync(containerId, stopTimeout, cancellationToken);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already removed: nothing runs.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        try
        {
            await client.RemoveContainerAsync(containerId, force: true, removeVolumes: true, CancellationToken.None);
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            // Already gone.
        }
        finally
        {
            if (sidecars is not null && await sidecars.RemoveAsync() is { Count: > 0 } leftovers)
            {
                throw new CleanupFailedException(leftovers);
            }
        }
    }
}
