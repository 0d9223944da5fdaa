namespace Slipway.Aws.Runtime;

/// <summary>
/// Retries of throttled calls, 5xx answers and dropped, refused or stalled connections: exponential
/// backoff with jitter, as in the SDKs' standard retry mode, within a bounded total time per call.
/// </summary>
/// <param name="MaxAttempts">Attempts in all, the first included; AWS_MAX_ATTEMPTS overrides it when set.</param>
/// <param name="BaseDelay">The first wait; it doubles with each attempt (jittered).</param>
/// <param name="MaxDelay">The largest wait.</param>
/// <param name="MaxTotal">The longest one call may take, its attempts and waits together.</param>
/// <param name="AttemptTimeout">The longest one attempt may wait for AWS's answer before it counts as a dropped connection.</param>
public sealed record AwsRetryOptions(
    int MaxAttempts = 5,
    TimeSpan? BaseDelay = null,
    TimeSpan? MaxDelay = null,
    TimeSpan? MaxTotal = null,
    TimeSpan? AttemptTimeout = null)
{
    /// <summary>The first wait (200 ms unless given).</summary>
    public TimeSpan FirstDelay => BaseDelay ?? TimeSpan.FromMilliseconds(200);

    /// <summary>The largest wait (20 s unless given).</summary>
    public TimeSpan LongestDelay => MaxDelay ?? TimeSpan.FromSeconds(20);

    /// <summary>The longest one call may take in all (2 minutes unless given).</summary>
    public TimeSpan LongestTotal => MaxTotal ?? TimeSpan.FromMinutes(2);

    /// <summary>The longest one attempt may take (60 s unless given).</summary>
    public TimeSpan LongestAttempt => AttemptTimeout ?? TimeSpan.FromSeconds(60);
}
