using Slipway.Aws.Ecs;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>
/// The services beside a task as further containers of its Fargate task definition. The task's network mode is
/// awsvpc, so they share localhost with the task's own container, which starts once each is healthy (started,
/// for a service without a readiness check) and takes the task down with it when it ends.
/// </summary>
internal static class SidecarContainers
{
    /// <summary>The least memory the task's own container keeps beside its services.</summary>
    public const int MinimumMainMemory = 256;

    // Fargate's bounds: an interval of 5–300 s, 1–10 retries, a start period up to 300 s.
    private const int CheckInterval = 5;
    private const int CheckTimeout = 5;
    private const int CheckRetries = 10;
    private const int StartPeriod = 120;

    /// <summary>The services' container definitions, each reserving its memory and logging beside the task's.</summary>
    public static IReadOnlyList<EcsContainerDefinition> Define(IReadOnlyList<SidecarSpec> sidecars, EcsLogConfiguration logging) =>
        sidecars.Select(sidecar => new EcsContainerDefinition(
                sidecar.Name,
                sidecar.Image,
                Essential: false,
                Memory: null,
                Command: null,
                (sidecar.Environment ?? new Dictionary<string, string>()).OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new EcsKeyValue(pair.Key, pair.Value)).ToList(),
                [new EcsPortMapping(sidecar.Port)],
                logging,
                MemoryReservation: sidecar.MemoryMiB,
                HealthCheck: sidecar.ReadyCommand is { } command ? new EcsHealthCheck(["CMD", .. command], CheckInterval, CheckTimeout, CheckRetries, StartPeriod) : null))
            .ToList();

    /// <summary>What the task's own container waits for before it starts.</summary>
    public static IReadOnlyList<EcsContainerDependency>? DependenciesOf(IReadOnlyList<SidecarSpec> sidecars) =>
        sidecars.Count == 0
            ? null
            : sidecars.Select(sidecar => new EcsContainerDependency(sidecar.Name, sidecar.ReadyCommand is null ? "START" : "HEALTHY")).ToList();

    /// <summary>The task's own container's hard limit: the task's memory less what its services reserve.</summary>
    public static int MainMemory(string family, int taskMemory, IReadOnlyList<SidecarSpec> sidecars)
    {
        var reserved = sidecars.Sum(sidecar => sidecar.MemoryMiB);
        if (taskMemory - reserved < MinimumMainMemory)
        {
            throw new AwsException(
                $"Task {family} has {taskMemory} MiB, and its services reserve {reserved} MiB of it, leaving less than {MinimumMainMemory} MiB for the app: pick a larger task size (docs/aws.md).");
        }

        return taskMemory - reserved;
    }
}
