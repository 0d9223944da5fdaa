using Slipway.Aws.Runtime;

namespace Slipway.Aws.Route53;

/// <summary>The Route53 operations Slipway calls.</summary>
internal static class Route53Operations
{
    public static readonly AwsOperation ListHostedZonesByName = new(AwsService.Route53, "ListHostedZonesByName");
    public static readonly AwsOperation ChangeResourceRecordSets = new(AwsService.Route53, "ChangeResourceRecordSets");
    public static readonly AwsOperation GetChange = new(AwsService.Route53, "GetChange");
    public static readonly AwsOperation ListResourceRecordSets = new(AwsService.Route53, "ListResourceRecordSets");
}
