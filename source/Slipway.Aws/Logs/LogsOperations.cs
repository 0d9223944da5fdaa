using Slipway.Aws.Runtime;

namespace Slipway.Aws.Logs;

/// <summary>The CloudWatch Logs operations Slipway calls.</summary>
internal static class LogsOperations
{
    public static readonly AwsOperation CreateLogGroup = new(AwsService.Logs, "CreateLogGroup");
    public static readonly AwsOperation PutRetentionPolicy = new(AwsService.Logs, "PutRetentionPolicy");
    public static readonly AwsOperation GetLogEvents = new(AwsService.Logs, "GetLogEvents");
}
