namespace Slipway.Aws.Runtime;

/// <summary>
/// Retries of throttled calls, 5xx answers and dropped connections: exponential backoff with full
/// jitter, as in the SDKs' standard retry mode.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included; AWS_MAX_ATTEMPTS overrides it when set.</param>
/// <param name="BaseDelay">The upper bound of the first wait; it doubles with each attempt.</param>
/// <param name="MaxDelay">The largest upper bound of any wait.</param>
public sealed record AwsRetryOptions(int MaxAttempts = 5, TimeSpan? BaseDelay = null, TimeSpan? MaxDelay = null)
{
    /// <summary>The upper bound of the first wait (200 ms unless given).</summary>
    public TimeSpan FirstDelay => BaseDelay ?? TimeSpan.FromMilliseconds(200);

    /// <summary>The largest wait (20 s unless given).</summary>
    public TimeSpan LongestDelay => MaxDelay ?? TimeSpan.FromSeconds(20);
}
