namespace Slipway.Platform;

/// <summary>
/// Where the pipeline's tasks run: the local Docker engine or ECS Fargate. The pipeline speaks only
/// to this interface and never knows which implementation it has.
/// </summary>
public interface IPlatform
{
    /// <summary>"local" or "aws".</summary>
    string Name { get; }

    /// <summary>
    /// Whether a service's <see cref="ServiceSpec.Files"/> reach it (the local engine copies them in). A platform that cannot
    /// (Fargate) is handed the files as a URL its start script fetches, when the files are in a bucket.
    /// </summary>
    bool CopiesFilesIntoServices => false;

    /// <summary>
    /// Makes a locally built image runnable on this platform (push to a registry when one is configured)
    /// and returns the reference tasks should use.
    /// </summary>
    Task<string> PublishImageAsync(string localImage, Ownership owner, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a task that runs until its command ends. A start that fails removes what it created; what it
    /// could not remove travels with its error (<see cref="CleanupFailedException.Of"/>).
    /// </summary>
    Task<ITaskRun> StartTaskAsync(TaskSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a long-running service and returns where it can be reached once it is placed (the caller
    /// probes it for readiness). An existing service of the same owner app and slug is replaced.
    /// </summary>
    Task<ServiceEndpoint> StartServiceAsync(ServiceSpec spec, CancellationToken cancellationToken);

    /// <summary>Everything this platform holds that carries the app's labels (and the branch's, when given).</summary>
    Task<IReadOnlyList<OwnedResource>> ListOwnedAsync(string app, string? branch, CancellationToken cancellationToken);

    /// <summary>Stops and removes the given resources. Resources already gone are not an error.</summary>
    Task RemoveAsync(IReadOnlyList<OwnedResource> resources, CancellationToken cancellationToken);

    /// <summary>
    /// Starts a service (a playground) that has stopped behind Slipway's back, an engine restart say, and says how
    /// it is now. Platforms that cannot tell return <see cref="ServiceCondition.Unknown"/>.
    /// </summary>
    Task<ServiceCondition> RestartIfStoppedAsync(string resourceId, CancellationToken cancellationToken) =>
        Task.FromResult(ServiceCondition.Unknown);

    /// <summary>
    /// The last lines a started service wrote, shown when it never became ready. Platforms that cannot
    /// read them return none.
    /// </summary>
    Task<IReadOnlyList<LogLine>> ReadServiceLogTailAsync(ServiceEndpoint endpoint, int lines, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LogLine>>([]);

    /// <summary>
    /// Checks, before anything is built, that what the platform's settings name exists (a cluster, a
    /// subnet): one sentence per problem, all of them at once; empty when all is well. Platforms with
    /// nothing to check return none.
    /// </summary>
    Task<IReadOnlyList<string>> CheckReadyAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([]);
}
