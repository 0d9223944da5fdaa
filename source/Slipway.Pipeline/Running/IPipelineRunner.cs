namespace Slipway.Pipeline.Running;

/// <summary>
/// The one entry that runs a pipeline: a request goes in, events come out through <paramref name="events"/>, and the
/// run stops when <paramref name="cancellation"/> fires. The command line's targets and the service's dispatcher both
/// run pipelines through it; tests hand the dispatcher a fake.
/// </summary>
public interface IPipelineRunner
{
    /// <param name="request">What to run.</param>
    /// <param name="events">Told each event, in order, and awaited: <see cref="RunStarted"/> comes before anything is created.</param>
    /// <param name="cancellation">Stops the run.</param>
    /// <param name="superseded">Fires (before <paramref name="cancellation"/>) when a newer run replaced this one.</param>
    /// <returns>The last event: how the run ended.</returns>
    Task<RunFinished> RunAsync(
        PipelineRequest request, Func<PipelineEvent, Task> events, CancellationToken cancellation, CancellationToken superseded = default);
}
