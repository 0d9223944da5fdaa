using Slipway.Aws.Runtime;

namespace Slipway.Aws.Ec2;

/// <summary>The EC2 operations Slipway calls.</summary>
internal static class Ec2Operations
{
    public static readonly AwsOperation DescribeNetworkInterfaces = new(AwsService.Ec2, "DescribeNetworkInterfaces");
    public static readonly AwsOperation DescribeSubnets = new(AwsService.Ec2, "DescribeSubnets");
    public static readonly AwsOperation DescribeSecurityGroups = new(AwsService.Ec2, "DescribeSecurityGroups");
}
