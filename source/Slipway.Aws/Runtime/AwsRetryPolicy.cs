namespace Slipway.Aws.Runtime;

/// <summary>Which failed calls are worth another attempt, and how long to wait before it.</summary>
internal sealed class AwsRetryPolicy(AwsRetryOptions options, Func<string, string?> environmentVariable)
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "RequestThrottled",
        "TooManyRequestsException", "ProvisionedThroughputExceededException", "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    };

    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "ServerException", "InternalError", "InternalFailure", "ServiceUnavailable", "ServiceUnavailableException",
        "RequestTimeout", "RequestTimeoutException",
    };

    public int MaxAttempts { get; } =
        int.TryParse(environmentVariable("AWS_MAX_ATTEMPTS"), out var fromEnvironment) && fromEnvironment > 0
            ? fromEnvironment
            : Math.Max(1, options.MaxAttempts);

    public static bool IsRetryable(AwsErrorDetails error) =>
        error.StatusCode is 429 or >= 500 || ThrottlingCodes.Contains(error.Code) || TransientCodes.Contains(error.Code);

    public static bool IsThrottling(AwsErrorDetails error) => error.StatusCode == 429 || ThrottlingCodes.Contains(error.Code);

    /// <summary>The wait before attempt <paramref name="attempt"/> + 1: full jitter under a doubling bound.</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var bound = Math.Min(options.LongestDelay.TotalMilliseconds, options.FirstDelay.TotalMilliseconds * Math.Pow(2, attempt - 1));
        return TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * bound);
    }
}
