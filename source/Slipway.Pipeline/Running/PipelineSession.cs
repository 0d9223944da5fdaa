using System.Runtime.ExceptionServices;
using Slipway.Engine;
using Slipway.Git;
using Slipway.Git.Checkout;
using Slipway.Git.Processes;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// One pipeline run as the targets drive it: each stage is recorded (store, status reporters) as it
/// starts and ends, and what earlier stages produced is kept for later ones.
/// </summary>
public sealed class PipelineSession
{
    private readonly PipelineServices _services;
    private readonly Lazy<Task> _started;
    private int _finished;

    private readonly IReadOnlyList<string> _plannedStages;

    /// <param name="plannedStages">The stages this run will go through (StageNames), shown as pending from the start.</param>
    public PipelineSession(PipelineServices services, PipelineSettings settings, string pipeline, IReadOnlyList<string>? plannedStages = null)
    {
        _services = services;
        _plannedStages = plannedStages ?? [];
        var runId = RunIds.New(services.Clock.GetUtcNow());
        Run = new RunContext(runId, pipeline, settings, AppNameOf(settings, services.Layout.Root), new StageTracker(services.Store, services.Reporter, services.Clock));
        _started = new Lazy<Task>(StartAsync);
    }

    public RunContext Run { get; }

    public string RunFolder => _services.Layout.RunFolder(Run.RunId);

    /// <summary>
    /// Checks out, then builds. The checkout comes before the run is announced, so that the first status
    /// (Slack, commit statuses) already names the commit; a failed checkout is a failed build stage.
    /// </summary>
    public async Task BuildAsync(CancellationToken cancellationToken)
    {
        var stage = new BuildStage(_services);
        ExceptionDispatchInfo? checkoutFailure = null;
        try
        {
            await stage.CheckOutAsync(Run, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            checkoutFailure = ExceptionDispatchInfo.Capture(exception);
        }

        await StageAsync(
            StageNames.Build,
            () =>
            {
                checkoutFailure?.Throw();
                return stage.RunAsync(Run, cancellationToken);
            },
            () => $"{Run.AppImage}");
    }

    /// <summary>
    /// Runs the tests. Results that could not be read always fail the stage; failing tests fail it only
    /// when <paramref name="failOnTestFailures"/> (the Approved pipeline), and are reported either way.
    /// </summary>
    public Task<TaskResults> TestAsync(bool failOnTestFailures, CancellationToken cancellationToken) =>
        ResultsStageAsync(StageNames.Test, TaskKind.Tests, failOnTestFailures, cancellationToken);

    /// <summary>Runs the static analysis: findings are reported, results that could not be read fail the stage.</summary>
    public Task<TaskResults> AnalyseAsync(CancellationToken cancellationToken) =>
        ResultsStageAsync(StageNames.Analysis, TaskKind.Analysis, failOnTestFailures: false, cancellationToken);

    public async Task<Uri> PlaygroundAsync(CancellationToken cancellationToken)
    {
        Uri? url = null;
        await StageAsync(
            StageNames.Playground,
            async () => url = await new PlaygroundStage(_services).RunAsync(Run, cancellationToken),
            () => url!.ToString(),
            () => url);
        Run.Tracker.Update(status => status with { PlaygroundUrl = url });
        return url!;
    }

    /// <summary>
    /// Releases the built and tested commit (see <see cref="DeployStage"/>): the version tag pushed to the app's
    /// remote and the tested image published by <paramref name="images"/>; the version and release notes go
    /// into the run's status.
    /// </summary>
    public async Task<DeployOutcome> DeployAsync(DeployRequest request, IReleaseImagePublisher images, CancellationToken cancellationToken)
    {
        DeployOutcome? outcome = null;
        var stage = new DeployStage(_services, new GitCli(new ProcessRunner()), images);
        await StageAsync(StageNames.Deploy, async () => outcome = await stage.RunAsync(Run, request, cancellationToken), () => outcome!.StageSummary);
        return outcome!;
    }

    /// <summary>Writes the combined report of the test and analysis tasks that ran.</summary>
    public RunReport PublishReport() => new RunReportPublisher(Environment.GetEnvironmentVariable).Publish(Run, RunFolder);

    /// <summary>
    /// Records how the run ended, from its stages (or <paramref name="cancelled"/>), and sends the final
    /// status. Only the first call counts; a run whose stages never started has nothing to finish.
    /// </summary>
    public async Task<RunState?> FinishAsync(bool cancelled)
    {
        if (!_started.IsValueCreated || Interlocked.Exchange(ref _finished, 1) == 1)
        {
            return null;
        }

        await _started.Value;
        var stages = Run.Tracker.Status.Stages;
        var outcome = cancelled || stages.Any(stage => stage.State == StageState.Cancelled) ? RunState.Cancelled
            : stages.Any(stage => stage.State == StageState.Failed) ? RunState.Failed
            : RunState.Succeeded;
        var summary = string.Join("; ", stages.Select(stage => $"{stage.Name}: {stage.State.ToString().ToLowerInvariant()}"));
        await Run.Tracker.FinishAsync(outcome, summary);
        // Only after a run that served the branch's playground: then no earlier image of the branch is in
        // use (the old playground was replaced), and no stage of this run still needs one.
        if (outcome == RunState.Succeeded && stages.Any(stage => stage is { Name: StageNames.Playground, State: StageState.Succeeded }))
        {
            await new EarlierImagePruner(_services).PruneAsync(Run, CancellationToken.None);
        }

        return outcome;
    }

    private async Task<TaskResults> ResultsStageAsync(string stage, TaskKind kind, bool failOnTestFailures, CancellationToken cancellationToken)
    {
        TaskResults? results = null;
        await StageAsync(
            stage,
            async () =>
            {
                results = await new TaskStage(_services).RunAsync(Run, kind, cancellationToken);
                var report = RunReport.Combine(results);
                if (report.HasInfrastructureFailure)
                {
                    throw new BuildFailedException(string.Join(" ", report.Problems.Select(problem => Sentence(problem.Message))));
                }

                if (failOnTestFailures && report.HasTestFailures)
                {
                    var failing = report.Tests.Failed + report.Tests.Errors;
                    var first = report.Failures[0];
                    throw new BuildFailedException(
                        $"{failing} of {report.Tests.Total} tests failed, first {first.FullName}{(first.Location is null ? "" : $" at {first.Location}")}.");
                }
            },
            () => Summarize(results!));
        return results!;
    }

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    private async Task StageAsync(string stage, Func<Task> body, Func<string> summary, Func<Uri?>? targetUrl = null)
    {
        await _started.Value;
        await Run.Tracker.SetStageAsync(stage, StageState.Running);
        try
        {
            await body();
        }
        catch (OperationCanceledException)
        {
            await Run.Tracker.SetStageAsync(stage, StageState.Cancelled, "cancelled");
            throw;
        }
        catch (Exception exception)
        {
            await Run.Tracker.SetStageAsync(stage, StageState.Failed, exception.Message);
            throw;
        }

        await Run.Tracker.SetStageAsync(stage, StageState.Succeeded, summary(), targetUrl?.Invoke());
    }

    private async Task StartAsync()
    {
        var now = _services.Clock.GetUtcNow();
        var record = new RunRecord(Run.RunId, Run.Pipeline, Run.AppName, Run.Identity.Key, Run.Settings.Commit, RunState.Queued, now);
        var status = new RunStatus
        {
            RunId = Run.RunId,
            Pipeline = Run.Pipeline,
            App = Run.AppName,
            Branch = Run.Settings.Branch,
            CommitSha = Run.Checkout?.Revision ?? Run.Settings.Commit ?? "unknown",
            RepositoryUrl = Run.Checkout?.RemoteUrl,
            PullRequestUrl = Run.Settings.PullRequestUrl,
            StartedAt = now,
            Stages = _plannedStages.Select(stage => new StageStatus(stage, StageState.Pending)).ToList(),
        };
        await Run.Tracker.StartAsync(record, status, CancellationToken.None);
        Log.Debug($"Run {Run.RunId} of {Run.Pipeline} for {Run.Settings}.");
    }

    private static string Summarize(TaskResults results)
    {
        var report = RunReport.Combine(results);
        var tests = report.Tests.Total > 0 ? $"{report.Tests.Passed}/{report.Tests.Total} tests passed" : null;
        var findings = results.Tools.Any(tool => tool.Format != "junit")
            ? $"{results.Findings.Count} findings from {string.Join(", ", results.Tools.Select(tool => tool.Tool))}"
            : null;
        var problems = results.Problems.Count > 0 ? results.Problems[0].Message : null;
        return string.Join(", ", new[] { tests, findings, problems }.Where(part => part is not null).DefaultIfEmpty("no results"));
    }

    /// <summary>The app's name, as a slug: the folder or repository name of its source.</summary>
    public static string AppNameOf(PipelineSettings settings, string slipwayRoot)
    {
        var source = AppSource.Resolve(settings.App, settings.Branch, settings.Commit, slipwayRoot);
        var name = source.Location.TrimEnd('/', '\\');
        name = name[(name.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return BranchSlug.From(name.Length == 0 ? "app" : name);
    }
}
