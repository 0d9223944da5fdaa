using Slipway.Engine;
using Slipway.Pipeline.State;
using Slipway.Status;

namespace Slipway.Pipeline.Running;

/// <summary>
/// Keeps the run's status snapshot as stages start and finish (stages run in parallel), saves each
/// change in the run store and tells the status reporter. A reporter never fails the run.
/// Each snapshot is numbered (<see cref="RunStatus.Sequence"/>) when it is made, under the lock: the store
/// writes of parallel stages may complete in any order, and the reporters use the number to drop a
/// snapshot older than one they already showed.
/// </summary>
public sealed class StageTracker(IRunStore store, IRunStatusReporter reporter, TimeProvider clock)
{
    private readonly Lock _gate = new();
    private RunStatus? _status;
    private RunRecord? _run;
    private long _sequence;
    private readonly Dictionary<string, DateTimeOffset> _stageStarts = [];

    public RunStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _status ?? throw new InvalidOperationException("The run has not started.");
            }
        }
    }

    /// <summary>True once the run's status exists (its first stage started).</summary>
    public bool HasStarted
    {
        get
        {
            lock (_gate)
            {
                return _status is not null;
            }
        }
    }

    public async Task StartAsync(RunRecord run, RunStatus status, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _run = run with { State = RunState.Running, StartedAt = clock.GetUtcNow() };
            _status = status with { Sequence = ++_sequence };
            status = _status;
        }

        await store.SaveRunAsync(_run, cancellationToken);
        await reporter.RunStartedAsync(status, cancellationToken);
    }

    /// <summary>Records a stage's new state (and anything else the update changes in the snapshot).</summary>
    public async Task SetStageAsync(
        string stage,
        StageState state,
        string? summary = null,
        Uri? targetUrl = null,
        Func<RunStatus, RunStatus>? update = null)
    {
        RunStatus snapshot;
        string runId;
        lock (_gate)
        {
            var current = Status.WithStage(new StageStatus(stage, state, summary, targetUrl));
            _status = (update is null ? current : update(current)) with { Sequence = ++_sequence };
            snapshot = _status;
            runId = _run!.Id;
        }

        var now = clock.GetUtcNow();
        DateTimeOffset? startedAt;
        lock (_gate)
        {
            if (state == StageState.Running)
            {
                _stageStarts[stage] = now;
            }

            startedAt = _stageStarts.TryGetValue(stage, out var started) ? started : null;
        }

        await store.SaveStageAsync(
            new StageRecord(
                runId,
                stage,
                state,
                startedAt,
                state is StageState.Running or StageState.Pending ? null : now,
                summary),
            CancellationToken.None);
        await reporter.StageChangedAsync(snapshot, CancellationToken.None);
    }

    /// <summary>Changes the snapshot without a stage change (e.g. adds the playground URL).</summary>
    public void Update(Func<RunStatus, RunStatus> update)
    {
        lock (_gate)
        {
            _status = update(Status) with { Sequence = ++_sequence };
        }
    }

    public async Task FinishAsync(RunState outcome, string summary)
    {
        RunStatus snapshot;
        RunRecord run;
        lock (_gate)
        {
            _status = Status with { FinishedAt = clock.GetUtcNow(), Sequence = ++_sequence };
            snapshot = _status;
            _run = _run! with { State = outcome, FinishedAt = clock.GetUtcNow(), Summary = summary };
            run = _run;
        }

        await store.SaveRunAsync(run, CancellationToken.None);
        await reporter.RunFinishedAsync(snapshot, CancellationToken.None);
        Log.Debug($"Run {run.Id} finished: {outcome}.");
    }
}
