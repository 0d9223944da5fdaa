using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Slipway.Aws.Runtime;

/// <summary>
/// The one retry policy of every AWS call (a Polly pipeline): transient failures — throttling, 5xx
/// answers, refused, reset or stalled connections — are tried again after a jittered, doubling wait,
/// up to a number of attempts and within a bounded total time; anything else fails at once.
/// </summary>
internal sealed class AwsRetryPolicy
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

    private readonly ResiliencePipeline pipeline;

    public AwsRetryPolicy(AwsRetryOptions options, Func<string, string?> environmentVariable)
    {
        MaxAttempts = int.TryParse(environmentVariable("AWS_MAX_ATTEMPTS"), out var fromEnvironment) && fromEnvironment > 0
            ? fromEnvironment
            : Math.Max(1, options.MaxAttempts);
        MaxTotal = options.LongestTotal;
        var builder = new ResiliencePipelineBuilder().AddTimeout(MaxTotal);
        if (MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AwsException>(exception => exception.IsTransient),
                MaxRetryAttempts = MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.FirstDelay,
                MaxDelay = options.LongestDelay,
            });
        }

        pipeline = builder.Build();
    }

    /// <summary>Attempts in all, the first included.</summary>
    public int MaxAttempts { get; }

    /// <summary>The longest one call may take, attempts and waits together.</summary>
    public TimeSpan MaxTotal { get; }

    public static bool IsRetryable(AwsErrorDetails error) =>
        error.StatusCode is 429 or >= 500 || ThrottlingCodes.Contains(error.Code) || TransientCodes.Contains(error.Code);

    public static bool IsThrottling(AwsErrorDetails error) => error.StatusCode == 429 || ThrottlingCodes.Contains(error.Code);

    public static bool IsThrottling(AwsException error) =>
        error.StatusCode == 429 || (error.ErrorCode is { } code && ThrottlingCodes.Contains(code));

    /// <summary>
    /// Runs <paramref name="attempt"/> until it succeeds, fails for good, or the attempts or the total time
    /// run out. An attempt signals a transient failure by throwing an <see cref="AwsException"/> marked transient.
    /// </summary>
    /// <exception cref="TimeoutRejectedException">The total time ran out.</exception>
    public ValueTask<T> ExecuteAsync<T>(Func<CancellationToken, ValueTask<T>> attempt, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(attempt, cancellationToken);
}
