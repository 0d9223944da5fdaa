using Slipway.Aws.Ecs;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>Builds the Fargate task definition of one task or playground.</summary>
internal sealed class TaskDefinitionFactory(AwsSettings settings, string region)
{
    public RegisterTaskDefinitionRequest Create(
        string family,
        TaskKind kind,
        string image,
        Ownership owner,
        IReadOnlyList<string>? command,
        IReadOnlyDictionary<string, string>? environment,
        int? containerPort,
        IReadOnlyDictionary<string, string> tags,
        IReadOnlyList<SidecarSpec>? sidecars = null,
        IReadOnlyList<EcsSecret>? secrets = null)
    {
        sidecars ??= [];
        var size = Size(kind);
        var logging = new EcsLogConfiguration("awslogs", new Dictionary<string, string>
        {
            ["awslogs-group"] = settings.LogGroup,
            ["awslogs-region"] = region,
            ["awslogs-stream-prefix"] = FargateNames.StreamPrefix(owner.App),
        });
        var container = new EcsContainerDefinition(
            FargateNames.Container(kind),
            image,
            Essential: true,
            Memory: SidecarContainers.MainMemory(family, size.Memory, sidecars),
            command,
            // Services share the task's localhost (awsvpc), and reach the task's own container there too.
            SidecarVariables.Add(environment, sidecars, _ => "localhost", "localhost").OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new EcsKeyValue(pair.Key, pair.Value)).ToList(),
            containerPort is { } port ? [new EcsPortMapping(port)] : null,
            logging,
            DependsOn: SidecarContainers.DependenciesOf(sidecars),
            Secrets: secrets is { Count: > 0 } ? secrets : null);
        return new RegisterTaskDefinitionRequest(
            family,
            settings.TaskRoleArn,
            settings.ExecutionRoleArn,
            NetworkMode: "awsvpc",
            RequiresCompatibilities: ["FARGATE"],
            size.Cpu.ToString(System.Globalization.CultureInfo.InvariantCulture),
            size.Memory.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [container, .. SidecarContainers.Define(sidecars, logging)],
            SlipwayTags.ToEcs(tags));
    }

    private TaskSize Size(TaskKind kind) => kind switch
    {
        TaskKind.Analysis => settings.AnalysisSize,
        TaskKind.Playground => settings.PlaygroundSize,
        _ => settings.TestsSize,
    };
}
