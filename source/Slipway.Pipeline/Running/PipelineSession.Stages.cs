using System.Runtime.ExceptionServices;
using Slipway.Engine;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.Stages;
using Slipway.Platform;
using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>The stages a session runs, each recorded as it starts and ends.</summary>
public sealed partial class PipelineSession
{
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

    private static string Sentence(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");
}
