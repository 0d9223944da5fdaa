using System.Collections.Concurrent;
using Slipway.Git.Checkout;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Naming;
using Slipway.Platform;
using Slipway.Results;

namespace Slipway.Pipeline.Running;

/// <summary>One run of a pipeline: its names, what the stages produced so far, and its status.</summary>
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

    public CheckoutResult? Checkout { get; set; }

    public BaseImageSet? BaseImages { get; set; }

    /// <summary>The app's settings (<c>.slipway.yml</c> and what the code shows), once checked out.</summary>
    public AppProfile? Profile { get; set; }

    /// <summary>The app image as built locally (<c>slipway/app:slug-sha7</c>).</summary>
    public string? AppImage { get; set; }

    /// <summary>The engine's id of the app image (sha256:...).</summary>
    public string? AppImageId { get; set; }

    /// <summary>The engine's id of the tests image, once built.</summary>
    public string? TestsImageId { get; set; }

    /// <summary>The app image as the platform runs it (a registry reference on AWS).</summary>
    public string? PublishedAppImage { get; set; }

    /// <summary>From the trigger to the playground answering, once it does.</summary>
    public TimeSpan? TimeToUrl { get; set; }

    /// <summary>Results of the test and analysis tasks, as they finish.</summary>
    public ConcurrentQueue<TaskResults> Results { get; } = new();

    /// <summary>Built once, on first use, by whichever of Test and Analyse asks first.</summary>
    public Lazy<Task<string>>? TestsImage { get; set; }

    /// <summary>
    /// Variables the app's hooks, test task and playground get on top of Slipway's own: the branch
    /// database's <c>DATABASE_URL</c> and <c>DB_*</c> settings when the run has one (secrets).
    /// </summary>
    public IReadOnlyDictionary<string, string> AppEnvironment { get; set; } = new Dictionary<string, string>();

    /// <summary><paramref name="environment"/> with <see cref="AppEnvironment"/> added (the app's win).</summary>
    public Dictionary<string, string> WithAppEnvironment(Dictionary<string, string> environment)
    {
        foreach (var (name, value) in AppEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }

    public string ImageTag => Identity.ImageTag(Checkout?.ShortRevision ?? throw new InvalidOperationException("Not built yet."));
}
