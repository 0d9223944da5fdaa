using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ecs;

/// <summary>The ECS operations Slipway calls.</summary>
internal static class EcsOperations
{
    // Both pass the task's roles to ECS and tag what they create, which IAM checks as separate actions.
    public static readonly AwsOperation RegisterTaskDefinition = new(AwsService.Ecs, "RegisterTaskDefinition", ["iam:PassRole", "ecs:TagResource"]);
    public static readonly AwsOperation RunTask = new(AwsService.Ecs, "RunTask", ["iam:PassRole", "ecs:TagResource"]);

    public static readonly AwsOperation DeregisterTaskDefinition = new(AwsService.Ecs, "DeregisterTaskDefinition");
    public static readonly AwsOperation DeleteTaskDefinitions = new(AwsService.Ecs, "DeleteTaskDefinitions");
    public static readonly AwsOperation ListTaskDefinitions = new(AwsService.Ecs, "ListTaskDefinitions");
    public static readonly AwsOperation DescribeTasks = new(AwsService.Ecs, "DescribeTasks");
    public static readonly AwsOperation StopTask = new(AwsService.Ecs, "StopTask");
    public static readonly AwsOperation ListTasks = new(AwsService.Ecs, "ListTasks");
    public static readonly AwsOperation DescribeClusters = new(AwsService.Ecs, "DescribeClusters");
    public static readonly AwsOperation ListTagsForResource = new(AwsService.Ecs, "ListTagsForResource");
}
