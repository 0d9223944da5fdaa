using Slipway.Engine;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Platform;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// Removes what Slipway started for a branch (or for every branch): found by labels and by the run
/// store, never by name patterns, so it neither misses a playground nor touches anything else.
/// </summary>
public sealed class TeardownStage(IPlatform platform, IRunStore store)
{
    /// <param name="app">The app whose resources go.</param>
    /// <param name="branch">The branch; null tears down every branch of every app the store knows, and of <paramref name="app"/>.</param>
    /// <returns>How many resources were removed.</returns>
    public async Task<int> RunAsync(string app, string? branch, CancellationToken cancellationToken)
    {
        var playgrounds = await store.ListPlaygroundsAsync(cancellationToken);
        var apps = branch is null
            ? playgrounds.Where(p => p.Platform == platform.Name).Select(p => p.App).Append(app).Distinct().ToList()
            : [app];

        var removed = 0;
        foreach (var each in apps)
        {
            var owned = await platform.ListOwnedAsync(each, branch, cancellationToken);
            if (owned.Count > 0)
            {
                try
                {
                    await platform.RemoveAsync(owned, cancellationToken);
                }
                catch (CleanupFailedException exception)
                {
                    // Every step was tried; what stayed is named, with the command that finishes the job.
                    throw new BuildFailedException(branch is null
                        ? $"{exception.Message.TrimEnd('.')}: run ./build.sh Teardown --all again once AWS answers."
                        : LeftoverReport.Describe(exception.Leftovers, branch, again: true));
                }

                removed += owned.Count;
            }

            foreach (var playground in playgrounds.Where(p => p.App == each && (branch is null || p.Branch == branch)))
            {
                await store.RemovePlaygroundAsync(playground.App, playground.Branch, cancellationToken);
            }
        }

        Log.Information(removed == 0
            ? $"Nothing to tear down for {(branch is null ? "any branch" : branch)}."
            : $"Removed {removed} resource{(removed == 1 ? "" : "s")} of {(branch is null ? "every branch" : branch)}.");
        return removed;
    }
}
