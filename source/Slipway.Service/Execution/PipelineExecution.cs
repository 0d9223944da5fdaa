using Slipway.Service.Queue;

namespace Slipway.Service.Execution;

/// <summary>One execution of a queued run: what it runs, and the signals that stop it (cancelled, superseded, the service stopping).</summary>
public sealed class PipelineExecution : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private readonly CancellationTokenSource _superseded = new();
    private readonly Lock _gate = new();
    private string? _supersededBy;

    /// <param name="run">The claimed run.</param>
    /// <param name="stopping">Cancelled when the service stops.</param>
    public PipelineExecution(QueuedRun run, CancellationToken stopping)
    {
        Run = run;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(stopping);
    }

    /// <summary>The run as it was claimed.</summary>
    public QueuedRun Run { get; }

    /// <summary>What the run asks for.</summary>
    public RunRequest Request => Run.Request;

    /// <summary>Cancelled when the run is cancelled, superseded, or the service stops.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    /// <summary>Cancelled when a newer run replaced this one, before <see cref="Cancellation"/>: the pipeline marks its status superseded.</summary>
    public CancellationToken Superseded => _superseded.Token;

    /// <summary>True once a newer run replaced this one (set before <see cref="Cancellation"/> fires).</summary>
    public bool IsSuperseded => Volatile.Read(ref _supersededBy) is not null;

    /// <summary>The run that replaced this one.</summary>
    public string? SupersededBy => Volatile.Read(ref _supersededBy);

    /// <summary>True once someone cancelled the run (not counting supersession or the service stopping).</summary>
    public bool IsCancelledByUser { get; private set; }

    /// <summary>The pipeline's own run id (the slipway:run label of what it starts), once it started.</summary>
    public string? PipelineRunId { get; set; }

    /// <summary>Marks the run superseded by <paramref name="newerRunId"/>, signals <see cref="Superseded"/>, then cancels it.</summary>
    public void Supersede(string newerRunId)
    {
        lock (_gate)
        {
            if (_supersededBy is not null)
            {
                return;
            }

            Volatile.Write(ref _supersededBy, newerRunId);
        }

        Signal(_superseded);
        Signal(_cancellation);
    }

    /// <summary>Cancels the run at someone's request.</summary>
    public void CancelByUser()
    {
        IsCancelledByUser = true;
        Signal(_cancellation);
    }

    public void Dispose()
    {
        _superseded.Dispose();
        _cancellation.Dispose();
    }

    private static void Signal(CancellationTokenSource source)
    {
        try
        {
            source.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The run ended in the meantime.
        }
    }
}
