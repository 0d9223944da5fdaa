using Slipway.Aws.Ecs;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>Reads how a stopped ECS task ended: its main container's exit code and ECS's reason, when there is one.</summary>
internal static class TaskOutcomes
{
    private const string EssentialContainerExited = "EssentialContainerExited";

    public static TaskOutcome Of(EcsTask task, string containerName)
    {
        var container = task.Containers?.FirstOrDefault(candidate => candidate.Name == containerName) ?? task.Containers?.FirstOrDefault();
        var exitCode = container?.ExitCode;

        // A container that simply ended has "Essential container in task exited" as the task's reason,
        // which says nothing; its own reason (OutOfMemoryError, CannotPullContainerError) does.
        var reason = NullIfEmpty(container?.Reason)
            ?? (exitCode is not null && task.StopCode == EssentialContainerExited ? null : NullIfEmpty(task.StoppedReason));
        return new TaskOutcome(exitCode, reason);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
