using Slipway.Pipeline.State;
using Slipway.Platform;

namespace Slipway.Pipeline.Playground;

/// <summary>
/// Brings the playgrounds the store says should be up back up: each of this platform's playgrounds whose container
/// stopped (an engine restart, a host reboot) is started again; what cannot be is reported down.
/// </summary>
public sealed class PlaygroundReconciler(IPlatform platform, IRunStore store)
{
    /// <returns>How each of the platform's playgrounds was found, keyed by app and branch.</returns>
    public async Task<IReadOnlyDictionary<(string App, string Branch), ServiceCondition>> ReconcileAsync(CancellationToken cancellationToken)
    {
        var conditions = new Dictionary<(string App, string Branch), ServiceCondition>();
        foreach (var playground in await store.ListPlaygroundsAsync(cancellationToken))
        {
            if (playground.Platform == platform.Name)
            {
                conditions[(playground.App, playground.Branch)] = await platform.RestartIfStoppedAsync(playground.ResourceId, cancellationToken);
            }
        }

        return conditions;
    }
}
