using Slipway.Pipeline.Playground;
using Slipway.Pipeline.Running;
using Slipway.Pipeline.State;
using Slipway.Service.Apps;
using Slipway.Service.Execution;
using Slipway.Service.Queue;

namespace Slipway.Service.Hosting;

/// <summary>What the service is given rather than makes: the pipeline's entry and what it shares with the pipeline.</summary>
/// <param name="Pipeline">Runs a run's pipeline in-process (the build's runner, or a test's stand-in).</param>
/// <param name="Cleaner">Removes an interrupted run's resources at start-up.</param>
/// <param name="PipelineStore">The pipeline's runs, stages and playgrounds.</param>
public sealed record ServiceDependencies(IPipelineRunner Pipeline, IRunResourceCleaner Cleaner, IRunStore PipelineStore)
{
    /// <summary>The queue's store; default: SQLite at <see cref="ServiceOptions.DatabasePath"/>.</summary>
    public IRunQueueStore? QueueStore { get; init; }

    /// <summary>Lists an app's branches for the form; default: <c>git ls-remote --heads</c>.</summary>
    public IRemoteBranchLister? Branches { get; init; }

    /// <summary>Starts stopped playgrounds again at start and every few minutes; none: playgrounds are not watched.</summary>
    public PlaygroundReconciler? Playgrounds { get; init; }

    /// <summary>Asks Bitbucket whether an approver may write to the repository; none: only --bitbucket-approvers count.</summary>
    public Slipway.Status.Bitbucket.BitbucketPermissionLookup? BitbucketPermissions { get; init; }

    /// <summary>The clock of the queue and the schedules; tests pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
