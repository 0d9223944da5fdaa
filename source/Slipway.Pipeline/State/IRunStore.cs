namespace Slipway.Pipeline.State;

/// <summary>
/// Runs, stages and playgrounds. The embedded implementation is SQLite under .nuke/temp; a shared
/// store can replace it when several service instances run.
/// </summary>
public interface IRunStore
{
    Task SaveRunAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> FindRunAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListRunsAsync(int limit, CancellationToken cancellationToken);

    Task SaveStageAsync(StageRecord stage, CancellationToken cancellationToken);

    Task<IReadOnlyList<StageRecord>> ListStagesAsync(string runId, CancellationToken cancellationToken);

    Task SavePlaygroundAsync(PlaygroundRecord playground, CancellationToken cancellationToken);

    Task<IReadOnlyList<PlaygroundRecord>> ListPlaygroundsAsync(CancellationToken cancellationToken);

    Task RemovePlaygroundAsync(string app, string branch, CancellationToken cancellationToken);
}
