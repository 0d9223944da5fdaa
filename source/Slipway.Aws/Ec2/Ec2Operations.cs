using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ec2;

/// <summary>The EC2 operations Slipway calls.</summary>
internal static class Ec2Operations
{
    public static readonly AwsOperation DescribeNetworkInterfaces = new(AwsService.Ec2, "DescribeNetworkInterfaces");
}
