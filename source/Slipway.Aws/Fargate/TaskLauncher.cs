using Slipway.Aws.Ecs;

namespace Slipway.Aws.Fargate;

/// <summary>Runs one task of a registered definition on Fargate, in the configured subnets and security groups.</summary>
internal sealed class TaskLauncher(FargateContext context)
{
    public Task<EcsTask> RunAsync(string taskDefinitionArn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var network = new NetworkConfiguration(new AwsVpcConfiguration(
            settings.Subnets,
            settings.SecurityGroups,
            settings.AssignPublicIp ? "ENABLED" : "DISABLED"));

        // The client token makes a retried RunTask (a dropped connection, a throttled call) start one task, not two.
        var request = new RunTaskRequest(
            context.Cluster,
            taskDefinitionArn,
            LaunchType: "FARGATE",
            Count: 1,
            ClientToken: Guid.NewGuid().ToString("N"),
            StartedBy: "slipway",
            network,
            SlipwayTags.ToEcs(tags));
        return context.Clients.Ecs.RunTaskAsync(request, cancellationToken);
    }
}
