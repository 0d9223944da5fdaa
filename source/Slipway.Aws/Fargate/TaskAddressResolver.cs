using Slipway.Aws.Ecs;

namespace Slipway.Aws.Fargate;

/// <summary>
/// Waits until a starting task's network interface has the address the playground is reached at: the
/// public IP from EC2, or the private IP (from the task's attachment, else from EC2).
/// </summary>
internal sealed class TaskAddressResolver(FargateContext context)
{
    public async Task<string> WaitForAddressAsync(string taskArn, string containerName, CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var startedAt = DateTimeOffset.UtcNow;
        var deadline = startedAt + settings.PlaygroundStartTimeout;
        for (var poll = 1; ; poll++)
        {
            var task = (await context.Clients.Ecs.DescribeTasksAsync(context.Cluster, [taskArn], includeTags: false, cancellationToken)).FirstOrDefault();
            if ((task is null && !NewTaskVisibility.MayStillAppear(startedAt)) || task is { IsStopped: true })
            {
                var reason = task is null ? "ECS no longer knows it" : TaskOutcomes.Of(task, containerName).StoppedReason ?? "no reason given";
                throw new AwsException(
                    $"The playground task stopped before it got an address ({reason}): check the image and the task's log in {settings.LogGroup}.",
                    Ecs.EcsOperations.DescribeTasks.Action);
            }

            if (task is not null && await AddressOfAsync(task, cancellationToken) is { } address)
            {
                return address;
            }

            var left = deadline - DateTimeOffset.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new AwsException(
                    $"The playground task got no {settings.PlaygroundAddress.ToString().ToLowerInvariant()} address within {settings.PlaygroundStartTimeout}: check AssignPublicIp, the Subnets' route to an internet gateway, or raise PlaygroundStartTimeout.",
                    Ecs.EcsOperations.DescribeTasks.Action);
            }

            var wait = settings.PlaygroundPolling.DelayBefore(poll);
            await Task.Delay(wait < left ? wait : left, cancellationToken);
        }
    }

    private async Task<string?> AddressOfAsync(EcsTask task, CancellationToken cancellationToken)
    {
        var networkInterface = task.Attachments?.FirstOrDefault(attachment => attachment.Type == "ElasticNetworkInterface");
        if (networkInterface is null)
        {
            return null;
        }

        var wantsPublic = context.Settings.PlaygroundAddress == PlaygroundAddress.Public;
        if (!wantsPublic && networkInterface.Detail("privateIPv4Address") is { Length: > 0 } privateAddress)
        {
            return privateAddress;
        }

        if (networkInterface.Detail("networkInterfaceId") is not { Length: > 0 } interfaceId)
        {
            return null;
        }

        var found = await context.Clients.Ec2.DescribeNetworkInterfaceAsync(interfaceId, cancellationToken);
        return wantsPublic ? found?.PublicIp : found?.PrivateIpAddress;
    }
}
