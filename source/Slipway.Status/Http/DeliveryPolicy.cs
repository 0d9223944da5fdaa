namespace Slipway.Status.Http;

/// <summary>How long and how often a reporter tries before it gives an update up.</summary>
/// <param name="RequestTimeout">The longest one request may take.</param>
/// <param name="MaxRetryAfter">The longest a rate limit (HTTP 429 with Retry-After) is waited out per update; a longer wait skips the update.</param>
/// <param name="ServerErrorRetries">How many times an HTTP 5xx answer is retried.</param>
/// <param name="ServerErrorBackoff">The pause before the first retry of a 5xx answer; it doubles for each further retry.</param>
public sealed record DeliveryPolicy(
    TimeSpan RequestTimeout,
    TimeSpan MaxRetryAfter,
    int ServerErrorRetries,
    TimeSpan ServerErrorBackoff)
{
    /// <summary>10 s per request, at most 30 s of rate-limit waiting, two retries of 5xx after 1 s and 2 s.</summary>
    public static DeliveryPolicy Default { get; } = new(
        TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(30),
        ServerErrorRetries: 2,
        TimeSpan.FromSeconds(1));
}
