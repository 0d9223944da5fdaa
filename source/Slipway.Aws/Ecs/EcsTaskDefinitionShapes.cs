namespace Slipway.Aws.Ecs;

// Request and response shapes of the ECS task definition operations Slipway calls (JSON 1.1, camelCase).

internal sealed record EcsTag(string Key, string Value);

internal sealed record EcsKeyValue(string Name, string Value);

/// <summary>A variable ECS sets in the container at start from a stored secret (<paramref name="ValueFrom"/>: its ARN).</summary>
internal sealed record EcsSecret(string Name, string ValueFrom);

internal sealed record EcsPortMapping(int ContainerPort, string Protocol = "tcp");

internal sealed record EcsLogConfiguration(string LogDriver, IReadOnlyDictionary<string, string> Options);

/// <param name="Memory">The hard limit in MiB; null for a container that only reserves memory.</param>
/// <param name="MemoryReservation">The soft limit in MiB: what the container is expected to need.</param>
/// <param name="HealthCheck">What makes the container healthy, for the others' <see cref="DependsOn"/>.</param>
/// <param name="DependsOn">Containers that must reach a condition (START, HEALTHY) before this one starts.</param>
/// <param name="Secrets">Variables the execution role fetches at start; the definition holds only where they are.</param>
internal sealed record EcsContainerDefinition(
    string Name,
    string Image,
    bool Essential,
    int? Memory,
    IReadOnlyList<string>? Command,
    IReadOnlyList<EcsKeyValue> Environment,
    IReadOnlyList<EcsPortMapping>? PortMappings,
    EcsLogConfiguration LogConfiguration,
    int? MemoryReservation = null,
    EcsHealthCheck? HealthCheck = null,
    IReadOnlyList<EcsContainerDependency>? DependsOn = null,
    IReadOnlyList<EcsSecret>? Secrets = null);

/// <summary>A container health check: <c>CMD</c> and the command (no shell), times in seconds.</summary>
internal sealed record EcsHealthCheck(IReadOnlyList<string> Command, int Interval, int Timeout, int Retries, int StartPeriod);

internal sealed record EcsContainerDependency(string ContainerName, string Condition);

internal sealed record RegisterTaskDefinitionRequest(
    string Family,
    string? TaskRoleArn,
    string ExecutionRoleArn,
    string NetworkMode,
    IReadOnlyList<string> RequiresCompatibilities,
    string Cpu,
    string Memory,
    IReadOnlyList<EcsContainerDefinition> ContainerDefinitions,
    IReadOnlyList<EcsTag> Tags);

internal sealed record EcsTaskDefinition(string TaskDefinitionArn, string Family, int Revision, IReadOnlyList<EcsContainerDefinition>? ContainerDefinitions);

internal sealed record TaskDefinitionResponse(EcsTaskDefinition TaskDefinition);

internal sealed record DeregisterTaskDefinitionRequest(string TaskDefinition);

internal sealed record DeleteTaskDefinitionsRequest(IReadOnlyList<string> TaskDefinitions);

internal sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

internal sealed record DeleteTaskDefinitionsResponse(IReadOnlyList<EcsFailure>? Failures);

internal sealed record ListTaskDefinitionsRequest(string Status, string? NextToken, int MaxResults = 100);

internal sealed record ListTaskDefinitionsResponse(IReadOnlyList<string>? TaskDefinitionArns, string? NextToken);

internal sealed record ListTagsForResourceRequest(string ResourceArn);

internal sealed record ListTagsForResourceResponse(IReadOnlyList<EcsTag>? Tags);
