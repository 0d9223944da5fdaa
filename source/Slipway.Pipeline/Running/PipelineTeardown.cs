using Slipway.Engine;
using Slipway.Pipeline.Stages;

namespace Slipway.Pipeline.Running;

/// <summary>
/// The one teardown, for the Teardown target and the service's teardowns alike: what the tasks' platform holds, what
/// the build platform holds when tasks ran elsewhere (images built here for AWS), then the branch databases.
/// </summary>
public sealed class PipelineTeardown(PipelineServices services, IBranchDatabases? databases)
{
    /// <param name="app">The app whose resources go.</param>
    /// <param name="branchKey">The branch as Slipway keys it; null removes everything Slipway started.</param>
    /// <returns>How many resources were removed (databases not counted).</returns>
    public async Task<int> RunAsync(string app, string? branchKey, CancellationToken cancellationToken)
    {
        int removed;
        try
        {
            removed = await new TeardownStage(services.Platform, services.Store).RunAsync(app, branchKey, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && services.BuildPlatform != services.Platform)
        {
            await RemoveBuiltHereAsync(app, branchKey, cancellationToken);
            throw;
        }

        if (services.BuildPlatform != services.Platform)
        {
            removed += await new TeardownStage(services.BuildPlatform, services.Store).RunAsync(app, branchKey, cancellationToken);
        }

        if (databases is not null)
        {
            await databases.DropAsync(app, branchKey, cancellationToken);
        }

        return removed;
    }

    // The tasks' platform failed (AWS lost while listing or removing): the images built here for it need nothing from it, and a
    // CI machine's disk should not wait for AWS. The run store is left as it is, so that the next Teardown finds the rest.
    private async Task RemoveBuiltHereAsync(string app, string? branchKey, CancellationToken cancellationToken)
    {
        var apps = branchKey is null
            ? (await services.Store.ListPlaygroundsAsync(cancellationToken)).Select(playground => playground.App).Append(app).Distinct().ToList()
            : [app];
        try
        {
            foreach (var each in apps)
            {
                var owned = await services.BuildPlatform.ListOwnedAsync(each, branchKey, cancellationToken);
                if (owned.Count > 0)
                {
                    await services.BuildPlatform.RemoveAsync(owned, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Warning($"Could not remove the images built here for {branchKey ?? "every branch"}: {exception.Message}");
        }
    }
}
