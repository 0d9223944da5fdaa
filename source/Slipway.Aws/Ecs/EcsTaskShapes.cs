namespace Slipway.Aws.Ecs;

// Request and response shapes of the ECS task operations Slipway calls (JSON 1.1, camelCase).

internal sealed record AwsVpcConfiguration(IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups, string AssignPublicIp);

internal sealed record NetworkConfiguration(AwsVpcConfiguration AwsvpcConfiguration);

internal sealed record RunTaskRequest(
    string Cluster,
    string TaskDefinition,
    string LaunchType,
    int Count,
    string ClientToken,
    string StartedBy,
    NetworkConfiguration NetworkConfiguration,
    IReadOnlyList<EcsTag> Tags);

internal sealed record EcsContainer(string? Name, string? Image, string? LastStatus, int? ExitCode, string? Reason);

internal sealed record EcsAttachmentDetail(string Name, string? Value);

internal sealed record EcsAttachment(string? Type, string? Status, IReadOnlyList<EcsAttachmentDetail>? Details)
{
    public string? Detail(string name) => Details?.FirstOrDefault(detail => detail.Name == name)?.Value;
}

internal sealed record EcsTask(
    string TaskArn,
    string? TaskDefinitionArn,
    string? LastStatus,
    string? DesiredStatus,
    string? StopCode,
    string? StoppedReason,
    IReadOnlyList<EcsContainer>? Containers,
    IReadOnlyList<EcsAttachment>? Attachments,
    IReadOnlyList<EcsTag>? Tags)
{
    public const string Stopped = "STOPPED";

    public bool IsStopped => LastStatus == Stopped;

    /// <summary>The task id: the last segment of its ARN, which names its log stream.</summary>
    public string Id => TaskArn[(TaskArn.LastIndexOf('/') + 1)..];

    public IReadOnlyDictionary<string, string> TagMap =>
        (Tags ?? []).GroupBy(tag => tag.Key).ToDictionary(group => group.Key, group => group.Last().Value);
}

internal sealed record RunTaskResponse(IReadOnlyList<EcsTask>? Tasks, IReadOnlyList<EcsFailure>? Failures);

internal sealed record DescribeTasksRequest(string Cluster, IReadOnlyList<string> Tasks, IReadOnlyList<string>? Include);

internal sealed record DescribeTasksResponse(IReadOnlyList<EcsTask>? Tasks, IReadOnlyList<EcsFailure>? Failures);

internal sealed record StopTaskRequest(string Cluster, string Task, string Reason);

internal sealed record StopTaskResponse(EcsTask? Task);

internal sealed record ListTasksRequest(string Cluster, string DesiredStatus, string? NextToken, int MaxResults = 100);

internal sealed record ListTasksResponse(IReadOnlyList<string>? TaskArns, string? NextToken);

internal sealed record DescribeClustersRequest(IReadOnlyList<string> Clusters);

internal sealed record DescribeClustersResponse(IReadOnlyList<EcsCluster>? Clusters, IReadOnlyList<EcsFailure>? Failures);

internal sealed record EcsCluster(string? ClusterName, string? Status);
