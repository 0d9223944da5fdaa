namespace Slipway.Aws.Fargate;

/// <summary>The <see cref="Platform.OwnedResource.Type"/> names of what the Fargate platform creates.</summary>
internal static class FargateResourceTypes
{
    public const string Task = "task";
    public const string TaskDefinition = "task-definition";
    public const string DnsRecord = "dns-record";
    public const string EcrImage = "ecr-image";

    /// <summary>A task secret stored in SSM Parameter Store (its id is the parameter's name).</summary>
    public const string Secret = "ssm-parameter";
}
