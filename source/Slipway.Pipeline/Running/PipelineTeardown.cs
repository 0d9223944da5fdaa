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
        var removed = await new TeardownStage(services.Platform, services.Store).RunAsync(app, branchKey, cancellationToken);
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
}
