using System.Collections.Concurrent;
using Slipway.Git.Checkout;
using Slipway.Pipeline.Naming;
using Slipway.Platform;
using Slipway.Results;

namespace Slipway.Pipeline.Running;

/// <summary>
/// One run of a pipeline: its id, settings, names and status. What each stage produces is a value handed to the
/// next (<see cref="Stages.BuiltApp"/>), not kept here.
/// </summary>
public sealed class RunContext
{
    /// <param name="source">The app's source as resolved from <paramref name="settings"/>; resolved here when not given.</param>
    public RunContext(string runId, string pipeline, PipelineSettings settings, string appName, StageTracker tracker, AppSource? source = null)
    {
        Source = source ?? AppSource.Resolve(settings.App, settings.Branch, settings.Commit, settings.SlipwayRoot);
        RunId = runId;
        Pipeline = pipeline;
        Settings = settings;
        AppName = appName;
        Identity = new RunIdentity(appName, settings.Branch, settings.Fork);
        Slug = Identity.Name;
        Owner = new Ownership(appName, Identity.Key, runId);
        Tracker = tracker;
    }

    public string RunId { get; }

    /// <summary>Where the app's code comes from (kind, location, branch, commit), resolved once for every stage.</summary>
    public AppSource Source { get; }

    public string Pipeline { get; }

    public PipelineSettings Settings { get; }

    /// <summary>The app's name as a slug: names its images and labels its resources.</summary>
    public string AppName { get; }

    /// <summary>The app, fork and branch the run belongs to: every name below comes from it.</summary>
    public RunIdentity Identity { get; }

    /// <summary>The run's name (<see cref="RunIdentity.Name"/>): a DNS label that names the container, host, task families and image tag.</summary>
    public string Slug { get; }

    public Ownership Owner { get; }

    public StageTracker Tracker { get; }

    /// <summary>Results of the test and analysis tasks, as they finish.</summary>
    public ConcurrentQueue<TaskResults> Results { get; } = new();
}
