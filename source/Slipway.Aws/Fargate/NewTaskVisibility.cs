namespace Slipway.Aws.Fargate;

/// <summary>
/// ECS reads are eventually consistent: for a short while after RunTask, DescribeTasks may not know
/// the new task yet (failure MISSING). Within this grace period a missing task is still starting, not gone.
/// </summary>
internal static class NewTaskVisibility
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(60);

    public static bool MayStillAppear(DateTimeOffset startedAt) => DateTimeOffset.UtcNow - startedAt < Grace;
}
