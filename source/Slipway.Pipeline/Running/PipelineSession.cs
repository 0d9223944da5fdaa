using System.Runtime.ExceptionServices;
using Slipway.Engine;
using Slipway.Git.Checkout;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.State;
using Slipway.Platform;
using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// One pipeline run as the runner or the targets drive it: each stage is recorded (store, status reporters) as
/// it starts and ends. Build returns what it made (<see cref="BuiltApp"/>), and the caller hands it to the stages after it.
/// </summary>
public sealed class PipelineSession
{
    private readonly PipelineServices _services;
    private readonly Lazy<Task> _started;
    private int _finished;
    private RunLease? _lease;

    private readonly IReadOnlyList<string> _plannedStages;
    private readonly Func<PipelineEvent, Task> _events;
    private int _superseded;
    private readonly RunResultsKeeper _results;
    private readonly DateTimeOffset _createdAt;

    // What this session's own stages produced, for its status (the commit) and its finish (the images to keep).
    private CheckoutResult? _checkout;
    private BuiltApp? _built;
    private TimeSpan? _timeToUrl;

    /// <param name="plannedStages">The stages this run will go through (StageNames), shown as pending from the start.</param>
    /// <param name="events">Told each stage change and the playground's address, in order (see <see cref="IPipelineRunner"/>).</param>
    public PipelineSession(
        PipelineServices services,
        PipelineSettings settings,
        string pipeline,
        IReadOnlyList<string>? plannedStages = null,
        Func<PipelineEvent, Task>? events = null)
    {
        _services = services;
        _plannedStages = plannedStages ?? [];
        _events = events ?? (_ => Task.CompletedTask);
        _createdAt = services.Clock.GetUtcNow();
        var runId = RunIds.New(_createdAt);
        var source = AppSource.Resolve(settings.App, settings.Branch, settings.Commit, services.Layout.Root);
        Run = new RunContext(runId, pipeline, settings, AppNameOf(source), new StageTracker(services.Store, services.Reporter, services.Clock), source);
        _started = new Lazy<Task>(StartAsync);
        _results = new RunResultsKeeper(services, Run);
    }

    /// <summary>The repository's web address for commit statuses, when the caller knows it better than the checkout (a webhook's).</summary>
    public string? RepositoryUrl { get; init; }

    public RunContext Run { get; }

    public string RunFolder => _services.Layout.RunFolder(Run.RunId);

    /// <summary>
    /// Checks out, then builds, with the branch <paramref name="database"/> (when the run has one) for the app's hooks
    /// and every later stage. The checkout comes before the run is announced, so that the
    /// first status (Slack, commit statuses) already names the commit; a failed checkout is a failed build stage.
    /// </summary>
    public async Task<BuiltApp> BuildAsync(BranchDatabaseAccess database, CancellationToken cancellationToken)
    {
        var stage = new BuildStage(_services) { ServesPlayground = _plannedStages.Contains(StageNames.Playground) };

        // Asked alongside the checkout: a setting that names nothing (a subnet that does not exist) fails before the build.
        var platformReady = _services.Platform.CheckReadyAsync(cancellationToken);
        ExceptionDispatchInfo? checkoutFailure = null;
        try
        {
            _checkout = await stage.CheckOutAsync(Run, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            checkoutFailure = ExceptionDispatchInfo.Capture(exception);
        }

        BuiltApp? built = null;
        await StageAsync(
            StageNames.Build,
            async () =>
            {
                checkoutFailure?.Throw();
                PlatformProblems.ThrowIfAny(_services.Platform.Name, await platformReady);
                built = await stage.RunAsync(Run, _checkout!, database, cancellationToken);
                return new StageVerdict(true, built.Image);
            });
        _built = built;
        return built!;
    }

    /// <summary>
    /// Runs the tests. Any failing or erroring test makes the stage Failed (<see cref="StageVerdict.ForTests"/>);
    /// results that could not be read fail it too and stop the run. Failing tests stop the run only when
    /// <paramref name="stopOnFailingTests"/> (the Approved pipeline); otherwise the run goes on with a red test stage.
    /// </summary>
    public Task<StageVerdict> TestAsync(BuiltApp built, bool stopOnFailingTests, CancellationToken cancellationToken) =>
        ResultsStageAsync(
            built, StageNames.Test, TaskKind.Tests, report => Task.FromResult(StageVerdict.ForTests(report)), stopOnFailingTests, cancellationToken);

    /// <summary>
    /// Runs the static analysis: findings are reported, and those that meet the settings' <see cref="AnalysisFailsOn"/>
    /// make the stage Failed without stopping the run, as do more new findings (against the base branch) than the app's
    /// <c>analysis.max_new_findings</c>; results that could not be read fail it and stop the run.
    /// </summary>
    public Task<StageVerdict> AnalyseAsync(BuiltApp built, CancellationToken cancellationToken) =>
        ResultsStageAsync(
            built,
            StageNames.Analysis,
            TaskKind.Analysis,
            async report => NewFindingsVerdict.Apply(
                StageVerdict.ForAnalysis(report, Run.Settings.AnalysisFailsOn),
                RunChanges.Compare(report, await _results.BaselineAsync()),
                built.Profile.MaxNewFindings),
            stopOnRed: false,
            cancellationToken);

    public async Task<Uri> PlaygroundAsync(BuiltApp built, CancellationToken cancellationToken)
    {
        Uri? url = null;
        await StageAsync(
            StageNames.Playground,
            async () =>
            {
                url = await new PlaygroundStage(_services).RunAsync(Run, built, cancellationToken);
                _timeToUrl = _services.Clock.GetUtcNow() - (Run.Settings.TriggeredAt ?? _createdAt);
                return new StageVerdict(true, url.ToString());
            },
            () => url);
        Run.Tracker.Update(status => status with { PlaygroundUrl = url });
        await _events(new PlaygroundReady(url!));
        return url!;
    }

    /// <summary>
    /// Releases the built and tested commit (see <see cref="DeployStage"/>): the version tag pushed to the app's
    /// remote and the tested image published by <paramref name="images"/>; the version and release notes go
    /// into the run's status.
    /// </summary>
    public async Task<DeployOutcome> DeployAsync(
        BuiltApp built, DeployRequest request, IReleaseImagePublisher images, CancellationToken cancellationToken)
    {
        DeployOutcome? outcome = null;
        var stage = new DeployStage(_services.Git, images);
        await StageAsync(StageNames.Deploy, async () =>
        {
            outcome = await stage.RunAsync(Run, built, request, cancellationToken);
            return new StageVerdict(true, outcome.StageSummary);
        });
        return outcome!;
    }

    /// <summary>
    /// Marks the run as replaced by a newer one, so that its stop posts no failed or stopped check; before the run's
    /// status exists, the status starts marked.
    /// </summary>
    public async Task MarkSupersededAsync()
    {
        if (Interlocked.Exchange(ref _superseded, 1) == 1)
        {
            return;
        }

        MarkStatusSuperseded();

        await _events(new RunSuperseded());
    }

    /// <summary>
    /// Writes the combined report of the test and analysis tasks that ran, compared with the base branch and with
    /// flaky tests and costs, and keeps its results for later runs.
    /// </summary>
    public Task<RunReport> PublishReportAsync() =>
        _results.PublishAsync(new RunReportPublisher(Environment.GetEnvironmentVariable), RunFolder, _checkout, _timeToUrl);

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
        await Run.Tracker.FinishAsync(outcome, SummaryOf(stages));
        _lease?.Dispose();
        // Only after a run that served the branch's playground (red tests included): then no earlier image of the
        // branch is in use (the old playground was replaced), and no stage of this run still needs one.
        if (outcome != RunState.Cancelled && _built is { } built && stages.Any(stage => stage is { Name: StageNames.Playground, State: StageState.Succeeded }))
        {
            await new EarlierImagePruner(_services).PruneAsync(Run, built, CancellationToken.None);
        }

        return outcome;
    }

    private async Task<StageVerdict> ResultsStageAsync(
        BuiltApp built,
        string stage,
        TaskKind kind,
        Func<RunReport, Task<StageVerdict>> judge,
        bool stopOnRed,
        CancellationToken cancellationToken)
    {
        StageVerdict? verdict = null;
        await StageAsync(
            stage,
            async () =>
            {
                var results = await new TaskStage(_services).RunAsync(Run, built, kind, cancellationToken);
                var report = RunReport.Combine(results);
                if (report.HasInfrastructureFailure)
                {
                    throw new BuildFailedException(string.Join(" ", report.Problems.Select(problem => Sentence(problem.Message))));
                }

                verdict = await judge(report);
                if (stopOnRed && !verdict.Passed && report.HasTestFailures)
                {
                    var failing = report.Tests.Failed + report.Tests.Errors;
                    var first = report.Failures[0];
                    throw new BuildFailedException(
                        $"{failing} of {report.Tests.Total} tests failed, first {report.NameOf(first)}{(first.Location is null ? "" : $" at {first.Location}")}.");
                }

                return verdict;
            });
        return verdict!;
    }

    /// <summary>
    /// "test failed (13 passed, 15 failed); build succeeded (...); ...": failed stages first, so the run's
    /// summary (console, run page, service) says first why it is red.
    /// </summary>
    public static string SummaryOf(IReadOnlyList<StageStatus> stages) =>
        string.Join("; ", stages
            .OrderBy(stage => stage.State == StageState.Failed ? 0 : 1)
            .Select(stage => $"{stage.Name} {stage.State.ToString().ToLowerInvariant()}" +
                (string.IsNullOrWhiteSpace(stage.Summary) ? "" : $" ({stage.Summary.Split('\n')[0].Trim()})")));

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    /// <summary>
    /// Runs a stage and records it: Running, then the verdict the body returns (Succeeded or Failed with its
    /// summary), or Failed/Cancelled when the body throws. A red verdict does not throw: the caller decides
    /// whether the run goes on.
    /// </summary>
    private async Task StageAsync(string stage, Func<Task<StageVerdict>> body, Func<Uri?>? targetUrl = null)
    {
        await _started.Value;
        await SetStageAsync(stage, StageState.Running);
        StageVerdict verdict;
        try
        {
            verdict = await body();
        }
        catch (OperationCanceledException)
        {
            await SetStageAsync(stage, StageState.Cancelled, "cancelled");
            throw;
        }
        catch (Exception exception)
        {
            // A failed start's clean-up may have left something: said after the failure, with the command that removes it.
            await SetStageAsync(stage, StageState.Failed, LeftoverReport.MessageOf(exception, Run.Settings.Branch));
            throw;
        }

        await SetStageAsync(
            stage, verdict.Passed ? StageState.Succeeded : StageState.Failed, verdict.Summary, verdict.Passed ? targetUrl?.Invoke() : null);
    }

    private async Task SetStageAsync(string stage, StageState state, string? summary = null, Uri? targetUrl = null)
    {
        await Run.Tracker.SetStageAsync(stage, state, summary, targetUrl);
        await _events(new StageChanged(stage, state, summary));
    }

    private async Task StartAsync()
    {
        // Held until the run finishes or its process ends: how a later run tells this one from a killed one.
        _lease = RunLease.Take(RunFolder);
        try
        {
            await new LeftoverSweeper(_services).SweepAsync(Run.AppName, Run.Identity.Key, Run.RunId, CancellationToken.None);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Warning($"Could not clear what earlier runs of {Run.Settings.Branch} left: {exception.Message}");
        }

        var now = _services.Clock.GetUtcNow();
        var record = new RunRecord(Run.RunId, Run.Pipeline, Run.AppName, Run.Identity.Key, Run.Settings.Commit, RunState.Queued, now);
        var status = new RunStatus
        {
            RunId = Run.RunId,
            Pipeline = Run.Pipeline,
            App = Run.AppName,
            Branch = Run.Settings.Branch,
            CommitSha = _checkout?.Revision ?? Run.Settings.Commit ?? "unknown",
            RepositoryUrl = RepositoryUrl ?? _checkout?.RemoteUrl,
            PullRequestUrl = Run.Settings.PullRequestUrl,
            RunUrl = Run.Settings.RunPageUrl,
            StartedAt = now,
            Stages = _plannedStages.Select(stage => new StageStatus(stage, StageState.Pending)).ToList(),
            Superseded = Volatile.Read(ref _superseded) == 1,
        };
        await Run.Tracker.StartAsync(record, status, CancellationToken.None);
        if (Volatile.Read(ref _superseded) == 1)
        {
            // Superseded while the status was being made.
            MarkStatusSuperseded();
        }

        Log.Debug($"Run {Run.RunId} of {Run.Pipeline} for {Run.Settings}.");
    }

    private void MarkStatusSuperseded()
    {
        try
        {
            Run.Tracker.Update(status => status with { Superseded = true });
        }
        catch (InvalidOperationException)
        {
            // Not started yet: the status starts marked.
        }
    }

    /// <summary>The app's name, as a slug: the folder or repository name of its source (<paramref name="app"/>, as --app takes it).</summary>
    public static string AppNameOf(string app, string slipwayRoot) => AppNameOf(AppSource.Resolve(app, null, null, slipwayRoot));

    /// <summary>The app's name, as a slug, from its resolved source.</summary>
    public static string AppNameOf(AppSource source)
    {
        var name = source.Location.TrimEnd('/', '\\');
        name = name[(name.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return BranchSlug.From(name.Length == 0 ? "app" : name);
    }
}
