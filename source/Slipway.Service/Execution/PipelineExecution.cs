using Slipway.Service.Queue;

namespace Slipway.Service.Execution;

/// <summary>One execution of a queued run, as the executor sees it: what to run, when to stop, and what to report back.</summary>
public sealed class PipelineExecution : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly Action<string, string?> _pipelineRunStarted;
    private readonly Lock _gate = new();
    private readonly List<Action> _onSuperseded = [];
    private string? _supersededBy;

    /// <param name="run">The claimed run.</param>
    /// <param name="stopping">Cancelled when the service stops.</param>
    /// <param name="pipelineRunStarted">Receives the pipeline's own run id and report folder.</param>
    public PipelineExecution(QueuedRun run, CancellationToken stopping, Action<string, string?> pipelineRunStarted)
    {
        Run = run;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        _pipelineRunStarted = pipelineRunStarted;
    }

    /// <summary>The run as it was claimed.</summary>
    public QueuedRun Run { get; }

    /// <summary>What the run asks for.</summary>
    public RunRequest Request => Run.Request;

    /// <summary>Cancelled when the run is cancelled, superseded, or the service stops.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>True once a newer run replaced this one (set before <see cref="Cancellation"/> fires).</summary>
    public bool IsSuperseded => Volatile.Read(ref _supersededBy) is not null;

    /// <summary>The run that replaced this one.</summary>
    public string? SupersededBy => Volatile.Read(ref _supersededBy);

    /// <summary>True once someone cancelled the run (not counting supersession or the service stopping).</summary>
    public bool IsCancelledByUser { get; private set; }

    /// <summary>The pipeline's own run id, once reported.</summary>
    public string? PipelineRunId { get; private set; }

    /// <summary>
    /// Calls <paramref name="callback"/> when a newer run supersedes this one, before the cancellation: the moment
    /// to mark the run's status as superseded so the stop leaves no failed check behind. Called at once when it
    /// already happened.
    /// </summary>
    public void OnSuperseded(Action callback)
    {
        lock (_gate)
        {
            if (_supersededBy is null)
            {
                _onSuperseded.Add(callback);
                return;
            }
        }

        callback();
    }

    /// <summary>Records the pipeline's own run id (the slipway:run label of what it starts) and its report folder.</summary>
    public void ReportPipelineRun(string pipelineRunId, string? reportFolder)
    {
        if (PipelineRunId == pipelineRunId)
        {
            return;
        }

        PipelineRunId = pipelineRunId;
        _pipelineRunStarted(pipelineRunId, reportFolder);
    }

    /// <summary>Marks the run superseded by <paramref name="newerRunId"/>, tells the callbacks, then cancels it.</summary>
    public void Supersede(string newerRunId)
    {
        Action[] callbacks;
        lock (_gate)
        {
            if (_supersededBy is not null)
            {
                return;
            }

            Volatile.Write(ref _supersededBy, newerRunId);
            callbacks = [.. _onSuperseded];
        }

        foreach (var callback in callbacks)
        {
            callback();
        }

        Cancel();
    }

    /// <summary>Cancels the run at someone's request.</summary>
    public void CancelByUser()
    {
        IsCancelledByUser = true;
        Cancel();
    }

    public void Dispose() => _cancellation.Dispose();

    private void Cancel()
    {
        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended in the meantime.
        }
    }
}
