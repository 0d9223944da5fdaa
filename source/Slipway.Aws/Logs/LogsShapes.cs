namespace Slipway.Aws.Logs;

// Request and response shapes of the CloudWatch Logs operations Slipway calls (JSON 1.1, camelCase).

internal sealed record CreateLogGroupRequest(string LogGroupName);

internal sealed record PutRetentionPolicyRequest(string LogGroupName, int RetentionInDays);

internal sealed record GetLogEventsRequest(string LogGroupName, string LogStreamName, bool StartFromHead, string? NextToken, int? Limit);

internal sealed record LogEvent(long Timestamp, string Message);

internal sealed record GetLogEventsResponse(IReadOnlyList<LogEvent>? Events, string? NextForwardToken);
