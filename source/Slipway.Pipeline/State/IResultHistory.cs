using Slipway.Results;
using Slipway.Results.Changes;
using Slipway.Results.History;

namespace Slipway.Pipeline.State;

/// <summary>
/// What completed runs found, kept small: each run's finding fingerprints and failing tests (for the next pull
/// request's "new or old"), and each test's outcome per run (for flaky tests). Only the latest runs are kept.
/// </summary>
public interface IResultHistory
{
    /// <summary>Keeps what <paramref name="report"/> found for the run, then drops what is past the bounds.</summary>
    Task KeepAsync(KeptRun run, RunReport report, CancellationToken cancellationToken);

    /// <summary>The latest kept run of <paramref name="branch"/> (a run identity key) as a baseline, or <see cref="Baseline.Missing"/>.</summary>
    Task<Baseline> FindBaselineAsync(string app, string branch, CancellationToken cancellationToken);

    /// <summary>The kept outcomes of <paramref name="tests"/> (full names) in the app's runs, newest first.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<TestHistoryEntry>>> TestHistoryAsync(
        string app, IReadOnlyCollection<string> tests, CancellationToken cancellationToken);

    /// <summary>The app's flakiest tests over its kept runs, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<FlakyTest>> FlakiestAsync(string app, int limit, CancellationToken cancellationToken);
}

/// <summary>The run whose results are kept.</summary>
/// <param name="RunId">The run.</param>
/// <param name="App">The app's name.</param>
/// <param name="Branch">The run identity's key (the branch, or fork:branch).</param>
/// <param name="Commit">The commit the run built.</param>
/// <param name="At">When its results were kept.</param>
/// <param name="Analysed">True when the run's analysis results were read: its findings can be a baseline.</param>
/// <param name="Tested">True when the run's test results were read: its failing tests can be a baseline.</param>
public sealed record KeptRun(string RunId, string App, string Branch, string? Commit, DateTimeOffset At, bool Analysed, bool Tested);
