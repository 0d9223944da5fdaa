using Slipway.Engine;
using Slipway.Git.Checkout;
using Slipway.Pipeline.Stages;
using Slipway.Pipeline.State;
using Slipway.Results;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// One pipeline run as the runner or the targets drive it: each stage is recorded (store, status reporters) as
/// it starts and ends. Build returns what it made (<see cref="BuiltApp"/>), and the caller hands it to the stages after it.
/// </summary>
public sealed partial class PipelineSession
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

    /// <summary>
    /// "test failed (13 passed, 15 failed); build succeeded (...); ...": failed stages first, so the run's
    /// summary (console, run page, service) says first why it is red.
    /// </summary>
    public static string SummaryOf(IReadOnlyList<StageStatus> stages) =>
        string.Join("; ", stages
            .OrderBy(stage => stage.State == StageState.Failed ? 0 : 1)
            .Select(stage => $"{stage.Name} {stage.State.ToString().ToLowerInvariant()}" +
                (string.IsNullOrWhiteSpace(stage.Summary) ? "" : $" ({stage.Summary.Split('\n')[0].Trim()})")));


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

}
