using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ecs;

/// <summary>The ECS calls Slipway makes: task definitions, tasks and their tags.</summary>
internal sealed class EcsClient(JsonProtocol protocol)
{
    private const int DescribeBatch = 100;
    private const int DeleteBatch = 10;

    public async Task<EcsTaskDefinition> RegisterTaskDefinitionAsync(RegisterTaskDefinitionRequest request, CancellationToken cancellationToken) =>
        (await protocol.CallAsync<RegisterTaskDefinitionRequest, TaskDefinitionResponse>(EcsOperations.RegisterTaskDefinition, request, cancellationToken))
        .TaskDefinition;

    public Task DeregisterTaskDefinitionAsync(string taskDefinitionArn, CancellationToken cancellationToken) =>
        protocol.CallAsync<DeregisterTaskDefinitionRequest, NoContent>(
            EcsOperations.DeregisterTaskDefinition, new DeregisterTaskDefinitionRequest(taskDefinitionArn), cancellationToken);

    /// <summary>Deletes deregistered task definitions, ten per call; returns the ones ECS did not delete.</summary>
    public async Task<IReadOnlyList<EcsFailure>> DeleteTaskDefinitionsAsync(IReadOnlyList<string> taskDefinitionArns, CancellationToken cancellationToken)
    {
        var failures = new List<EcsFailure>();
        foreach (var batch in taskDefinitionArns.Chunk(DeleteBatch))
        {
            var response = await protocol.CallAsync<DeleteTaskDefinitionsRequest, DeleteTaskDefinitionsResponse>(
                EcsOperations.DeleteTaskDefinitions, new DeleteTaskDefinitionsRequest(batch), cancellationToken);
            failures.AddRange(response.Failures ?? []);
        }

        return failures;
    }

    /// <summary>Every task definition ARN with the given status (ACTIVE or INACTIVE), all pages.</summary>
    public async Task<IReadOnlyList<string>> ListTaskDefinitionsAsync(string status, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? token = null;
        do
        {
            var page = await protocol.CallAsync<ListTaskDefinitionsRequest, ListTaskDefinitionsResponse>(
                EcsOperations.ListTaskDefinitions, new ListTaskDefinitionsRequest(status, token), cancellationToken);
            arns.AddRange(page.TaskDefinitionArns ?? []);
            token = page.NextToken;
        }
        while (token is not null);

        return arns;
    }

    /// <summary>Starts one task; a placement failure becomes an <see cref="AwsException"/> with ECS's reason.</summary>
    public async Task<EcsTask> RunTaskAsync(RunTaskRequest request, CancellationToken cancellationToken)
    {
        var response = await protocol.CallAsync<RunTaskRequest, RunTaskResponse>(EcsOperations.RunTask, request, cancellationToken);
        if (response.Tasks is [var task, ..])
        {
            return task;
        }

        var failure = response.Failures?.FirstOrDefault();
        var reason = failure is null ? "no reason given" : string.Join(": ", new[] { failure.Reason, failure.Detail }.Where(part => !string.IsNullOrEmpty(part)));
        throw new AwsException(
            $"ECS could not start {request.TaskDefinition} ({reason}): check the cluster's capacity, the Subnets and the SecurityGroups settings.",
            EcsOperations.RunTask.Action,
            failure?.Reason);
    }

    /// <summary>Describes tasks, a hundred per call; tasks ECS no longer knows are left out.</summary>
    public async Task<IReadOnlyList<EcsTask>> DescribeTasksAsync(string cluster, IReadOnlyList<string> taskArns, bool includeTags, CancellationToken cancellationToken)
    {
        var tasks = new List<EcsTask>();
        foreach (var batch in taskArns.Chunk(DescribeBatch))
        {
            var response = await protocol.CallAsync<DescribeTasksRequest, DescribeTasksResponse>(
                EcsOperations.DescribeTasks, new DescribeTasksRequest(cluster, batch, includeTags ? ["TAGS"] : null), cancellationToken);
            tasks.AddRange(response.Tasks ?? []);
        }

        return tasks;
    }

    /// <summary>Stops a task; a task ECS no longer knows counts as stopped.</summary>
    public async Task StopTaskAsync(string cluster, string taskArn, string reason, CancellationToken cancellationToken)
    {
        try
        {
            await protocol.CallAsync<StopTaskRequest, StopTaskResponse>(EcsOperations.StopTask, new StopTaskRequest(cluster, taskArn, reason), cancellationToken);
        }
        catch (AwsException exception) when (exception.ErrorCode == "InvalidParameterException"
            && exception.ServiceMessage?.Contains("not found", StringComparison.OrdinalIgnoreCase) == true)
        {
        }
    }

    /// <summary>Every task ARN in the cluster with the given desired status, all pages.</summary>
    public async Task<IReadOnlyList<string>> ListTasksAsync(string cluster, string desiredStatus, CancellationToken cancellationToken)
    {
        var arns = new List<string>();
        string? token = null;
        do
        {
            var page = await protocol.CallAsync<ListTasksRequest, ListTasksResponse>(
                EcsOperations.ListTasks, new ListTasksRequest(cluster, desiredStatus, token), cancellationToken);
            arns.AddRange(page.TaskArns ?? []);
            token = page.NextToken;
        }
        while (token is not null);

        return arns;
    }

    public async Task<IReadOnlyDictionary<string, string>> ListTagsForResourceAsync(string resourceArn, CancellationToken cancellationToken)
    {
        var response = await protocol.CallAsync<ListTagsForResourceRequest, ListTagsForResourceResponse>(
            EcsOperations.ListTagsForResource, new ListTagsForResourceRequest(resourceArn), cancellationToken);
        return (response.Tags ?? []).GroupBy(tag => tag.Key).ToDictionary(group => group.Key, group => group.Last().Value);
    }

    /// <summary>The cluster's status (ACTIVE, INACTIVE, ...), or null when ECS does not know it.</summary>
    public async Task<string?> DescribeClusterStatusAsync(string cluster, CancellationToken cancellationToken)
    {
        var response = await protocol.CallAsync<DescribeClustersRequest, DescribeClustersResponse>(
            EcsOperations.DescribeClusters, new DescribeClustersRequest([cluster]), cancellationToken);
        return response.Clusters?.FirstOrDefault()?.Status;
    }
}
