using Slipway.Git.Checkout;
using Slipway.Engine;
using Slipway.Pipeline.Naming;
using Slipway.Pipeline.State;
using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Results.History;

namespace Slipway.Pipeline.Running;

/// <summary>
/// A run's link to the runs before it: the base branch's baseline (read once, when analysis or the report first
/// asks), the run's own results kept for later runs, and the flaky tests and costs the report shows. The history
/// is a help, never a reason for a run to fail: when it cannot be read, everything counts as new and a warning says so.
/// </summary>
public sealed class RunResultsKeeper
{
    private readonly PipelineServices _services;
    private readonly RunContext _run;
    private readonly Lazy<Task<Baseline>> _baseline;

    /// <param name="services">The run store and result history, the clock and the platforms' names.</param>
    /// <param name="run">The run whose results these are.</param>
    public RunResultsKeeper(PipelineServices services, RunContext run)
    {
        _services = services;
        _run = run;
        _baseline = new Lazy<Task<Baseline>>(LoadBaselineAsync);
    }

    /// <summary>The base branch's latest kept results, or a missing baseline (then everything counts as new).</summary>
    public Task<Baseline> BaselineAsync() => _baseline.Value;

    /// <summary>
    /// Keeps the run's results, then writes its report compared with the baseline, with flaky tests, costs and
    /// <paramref name="timeToUrl"/> (from the trigger to the playground answering, when it did); the lines the change
    /// touched come from the run's <paramref name="checkout"/>, when it has one.
    /// </summary>
    public async Task<RunReport> PublishAsync(
        RunReportPublisher publisher, string runFolder, CheckoutResult? checkout = null, TimeSpan? timeToUrl = null)
    {
        var baseline = await BaselineAsync();
        var results = RunReportPublisher.Combine(_run);
        IReadOnlyList<FlakyTest> flaky = [];
        if (_services.History is { } history)
        {
            try
            {
                await KeepAsync(history, results, checkout);
                var names = results.Suites.SelectMany(suite => suite.Cases).Select(test => test.FullName).Distinct().ToList();
                flaky = FlakyTestFinder.Find(await history.TestHistoryAsync(_run.AppName, names, CancellationToken.None));
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.Warning($"Could not keep this run's results for later runs: {exception.Message}");
            }
        }

        var costs = await new RunCostMeter(_services).MeasureAsync(_run);
        var diff = await ChangedLinesReader.ReadAsync(checkout, baseline);
        var screenshots = await ScreenshotLinks.ForRunAsync(_run, _services.Screenshots, results.Attachments, CancellationToken.None);
        return publisher.Publish(_run, runFolder, baseline, new RunFacts(flaky, costs, timeToUrl) { Diff = diff }, screenshots);
    }

    // Only complete results are kept: a run whose reports could not be read would make the next pull request's
    // findings look new.
    private Task KeepAsync(IResultHistory history, RunReport results, CheckoutResult? checkout)
    {
        var analysed = results.Tasks.Any(task => task.TaskName == "analysis");
        var tested = results.Tasks.Any(task => task.TaskName == "tests");
        if (results.HasInfrastructureFailure || !(analysed || tested))
        {
            return Task.CompletedTask;
        }

        var run = new KeptRun(
            _run.RunId, _run.AppName, _run.Identity.Key, checkout?.Revision ?? _run.Settings.Commit, _services.Clock.GetUtcNow(), analysed, tested);
        return history.KeepAsync(run, results, CancellationToken.None);
    }

    private async Task<Baseline> LoadBaselineAsync()
    {
        var branch = _run.Settings.BaseBranch;
        if (branch is null || _services.History is null)
        {
            return Baseline.Missing(branch);
        }

        try
        {
            var key = new RunIdentity(_run.AppName, branch).Key;
            var baseline = await _services.History.FindBaselineAsync(_run.AppName, key, CancellationToken.None);
            if (!baseline.Found)
            {
                Log.Information($"{branch} has no completed run to compare with: every finding and failing test counts as new.");
            }

            return baseline;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Log.Warning($"Could not read the latest results of {branch}, so every finding and failing test counts as new: {exception.Message}");
            return Baseline.Missing(branch);
        }
    }
}
