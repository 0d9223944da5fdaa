namespace Slipway.Aws.Fargate;

/// <summary>Deregisters task definitions and deletes them, so that no revision is left behind; already gone is fine.</summary>
internal sealed class TaskDefinitionRemover(FargateContext context)
{
    private static readonly string[] GoneCodes = ["ClientException", "InvalidParameterException"];

    /// <summary>A clean-up step that removes one task definition, for <see cref="CleanupStep"/>.</summary>
    public (string What, Func<CancellationToken, Task> Step) Step(string taskDefinitionArn) =>
        ($"task definition {taskDefinitionArn}", cancellationToken => RemoveAsync([taskDefinitionArn], cancellationToken));

    public async Task RemoveAsync(IReadOnlyList<string> taskDefinitionArns, CancellationToken cancellationToken)
    {
        if (taskDefinitionArns.Count == 0)
        {
            return;
        }

        var ecs = context.Clients.Ecs;
        foreach (var arn in taskDefinitionArns)
        {
            try
            {
                await ecs.DeregisterTaskDefinitionAsync(arn, cancellationToken);
            }
            catch (AwsException exception) when (GoneCodes.Contains(exception.ErrorCode))
            {
                // Already inactive or deleted: deleting below settles it either way.
            }
        }

        var failures = await ecs.DeleteTaskDefinitionsAsync(taskDefinitionArns, cancellationToken);
        var real = failures.Where(failure => failure.Reason is not { } reason
            || !(reason.Contains("does not exist", StringComparison.OrdinalIgnoreCase) || reason.Contains("DELETE_IN_PROGRESS", StringComparison.OrdinalIgnoreCase))).ToList();
        if (real.Count > 0)
        {
            throw new AwsException(
                $"ECS did not delete task definition {real[0].Arn} ({real[0].Reason}): delete it in the ECS console or run Teardown again.",
                Ecs.EcsOperations.DeleteTaskDefinitions.Action);
        }
    }
}
