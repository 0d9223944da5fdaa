namespace Slipway.Platform;

/// <summary>A task that runs an image until its entry command ends.</summary>
/// <param name="Name">Unique among the tasks of a run; names the container or task family.</param>
/// <param name="Image">An image reference the platform can run (as returned by <see cref="IPlatform.PublishImageAsync"/>).</param>
/// <param name="Command">Overrides the image's command when given.</param>
/// <param name="Mounts">Host folders mounted into the task (local platform only; the AWS platform rejects them).</param>
/// <param name="Timeout">The task is stopped and counted as failed when it runs longer.</param>
/// <param name="Secrets">Name → value, handed over the way <see cref="TaskSecrets"/> says: never as inspectable environment.</param>
/// <param name="Sidecars">Services started (and ready) before the task, and removed with it.</param>
public sealed record TaskSpec(
    string Name,
    string Image,
    TaskKind Kind,
    Ownership Owner,
    IReadOnlyList<string>? Command = null,
    IReadOnlyDictionary<string, string>? Environment = null,
    IReadOnlyList<Mount>? Mounts = null,
    TimeSpan? Timeout = null,
    IReadOnlyDictionary<string, string>? Secrets = null,
    IReadOnlyList<SidecarSpec>? Sidecars = null);

/// <summary>A host folder mounted into a task.</summary>
public sealed record Mount(string HostPath, string ContainerPath, bool ReadOnly = false);
