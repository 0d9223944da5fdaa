using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ssm;

/// <summary>The SSM Parameter Store operations Slipway calls: the task secrets it stores, finds and removes.</summary>
internal static class SsmOperations
{
    public static readonly AwsOperation PutParameter = new(AwsService.Ssm, "PutParameter");
    public static readonly AwsOperation AddTagsToResource = new(AwsService.Ssm, "AddTagsToResource");
    public static readonly AwsOperation DescribeParameters = new(AwsService.Ssm, "DescribeParameters");
    public static readonly AwsOperation ListTagsForResource = new(AwsService.Ssm, "ListTagsForResource");
    public static readonly AwsOperation DeleteParameters = new(AwsService.Ssm, "DeleteParameters");
}
