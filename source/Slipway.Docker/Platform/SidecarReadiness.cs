using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// Waits until every service beside a task is ready: healthy when it has a readiness check, running when it has
/// none. A service that stops, or is not ready in time, fails the start with one sentence naming it.
/// </summary>
internal sealed class SidecarReadiness(DockerClient client, TimeSpan timeout)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public async Task WaitAsync(IReadOnlyList<SidecarSpec> sidecars, IReadOnlyList<string> containers, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        for (var index = 0; index < sidecars.Count; index++)
        {
            var sidecar = sidecars[index];
            try
            {
                await WaitForOneAsync(sidecar, containers[index], linked.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                var check = sidecar.ReadyCommand is { } command ? string.Join(' ', command) : "running";
                throw new DockerException(
                    $"The service '{sidecar.Name}' ({sidecar.Image}) was not ready within {timeout.TotalSeconds:0} s (its check: {check}): check its image, port and ready command in .slipway.yml.");
            }
        }
    }

    private async Task WaitForOneAsync(SidecarSpec sidecar, string container, CancellationToken cancellationToken)
    {
        while (true)
        {
            var state = (await client.InspectContainerAsync(container, cancellationToken)).State;
            if (!state.Running && state.Status is "exited" or "dead")
            {
                throw new DockerException(
                    $"The service '{sidecar.Name}' ({sidecar.Image}) stopped right after it started (exit code {state.ExitCode}): run `docker run --rm {sidecar.Image}` to see why.");
            }

            if (state.Running && (sidecar.ReadyCommand is null || state.Health == "healthy"))
            {
                return;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
