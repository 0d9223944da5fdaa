namespace Slipway.Aws.Fargate;

/// <summary>
/// Asks AWS, all at once, whether what the settings name exists — the cluster, each subnet and security
/// group, the hosted zone — so that a well-formed but wrong setting is found before anything is built,
/// and every such problem is named together. The ECR repository and the log group are created when
/// missing, so only access to them is asked about; the execution role is not checked (that needs IAM
/// read access, which Slipway's policy does not ask for).
/// </summary>
internal sealed class ResourceCheck(FargateContext context, HostedZoneLocator hostedZone)
{
    /// <returns>One sentence per problem, naming the setting to fix; empty when every resource exists.</returns>
    public async Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken)
    {
        var settings = context.Settings;
        var region = context.Clients.Region;
        var checks = new List<Task<string?>>
        {
            Check(async () => await context.Clients.Ecs.DescribeClusterStatusAsync(settings.Cluster, cancellationToken) is "ACTIVE" or "PROVISIONING"
                ? null
                : $"Cluster '{settings.Cluster}' does not exist in {region} (or is not active): check AwsCluster and AwsRegion."),
            Check(async () =>
            {
                await context.Clients.Ecr.DescribeRepositoryAsync(settings.EcrRepository, cancellationToken);
                return null;
            }),
        };
        checks.AddRange(settings.Subnets.Select(subnet => Check(async () => await context.Clients.Ec2.SubnetExistsAsync(subnet, cancellationToken)
            ? null
            : $"Subnet {subnet} does not exist in {region}: check AwsSubnets.")));
        checks.AddRange(settings.SecurityGroups.Select(group => Check(async () => await context.Clients.Ec2.SecurityGroupExistsAsync(group, cancellationToken)
            ? null
            : $"Security group {group} does not exist in {region}: check AwsSecurityGroups.")));
        if (settings.HostedZone is { Length: > 0 })
        {
            checks.Add(Check(async () =>
            {
                await hostedZone.GetIdAsync(cancellationToken);
                return null;
            }));
        }

        var problems = await Task.WhenAll(checks);

        // Unreachable AWS or missing credentials fail every check the same way: say it once.
        return problems.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    private static async Task<string?> Check(Func<Task<string?>> check)
    {
        try
        {
            return await check();
        }
        catch (AwsException exception)
        {
            return exception.Message;
        }
    }
}
