using System.Net;
using System.Net.Sockets;
using Polly;
using Polly.Retry;

namespace Slipway.Status.Http;

/// <summary>
/// Sends one request to a status service, waits out rate limits within bounds and retries server errors;
/// answers 2xx and 4xx to the caller, turns everything else into a <see cref="StatusReportingException"/>.
/// </summary>
internal sealed class RetryingRequestSender(HttpClient httpClient, DeliveryPolicy policy, string serviceName)
{
    /// <summary>Sends the request <paramref name="createRequest"/> builds (again for each attempt) and returns the status code and body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(
        Func<HttpRequestMessage> createRequest,
        string operation,
        CancellationToken cancellationToken)
    {
        // A Polly retry whose waits depend on what came back: the budgets are this update's, so the pipeline is too.
        var attempts = new Attempts(policy);
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = arguments => ValueTask.FromResult(arguments.Outcome.Result is { } answer && attempts.TryAgainAfter(answer)),
                DelayGenerator = _ => ValueTask.FromResult<TimeSpan?>(attempts.NextWait),
                MaxRetryAttempts = int.MaxValue,
            })
            .Build();
        using var response = await pipeline.ExecuteAsync(
            async token => await SendOnceAsync(createRequest, operation, token), cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            throw new StatusReportingException(
                $"{serviceName} rate-limited {operation} and asked to wait {attempts.RefusedWait.TotalSeconds:0} s, longer than the " +
                $"{policy.MaxRetryAfter.TotalSeconds:0} s allowed, so this update was skipped.");
        }

        if ((int)response.StatusCode >= 500)
        {
            var tries = attempts.ServerErrors + 1;
            throw new StatusReportingException(
                $"{serviceName} answered {operation} with HTTP {(int)response.StatusCode} " +
                $"after {tries} attempt{(tries == 1 ? "" : "s")}, so this update was skipped.");
        }

        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>
    /// What one update has spent: rate limits (HTTP 429) are waited out as long as their Retry-After stays within
    /// <see cref="DeliveryPolicy.MaxRetryAfter"/> in all; server errors are retried a few times after a doubling pause.
    /// </summary>
    private sealed class Attempts(DeliveryPolicy policy)
    {
        private TimeSpan _rateLimitWaited;

        public int ServerErrors { get; private set; }

        public TimeSpan NextWait { get; private set; }

        /// <summary>The Retry-After that would have overrun the budget.</summary>
        public TimeSpan RefusedWait { get; private set; }

        public bool TryAgainAfter(HttpResponseMessage answer)
        {
            if (answer.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var wait = RetryAfterOf(answer);
                if (_rateLimitWaited + wait > policy.MaxRetryAfter)
                {
                    RefusedWait = wait;
                    return false;
                }

                _rateLimitWaited += wait;
                NextWait = wait;
                return true;
            }

            if ((int)answer.StatusCode >= 500 && ServerErrors < policy.ServerErrorRetries)
            {
                NextWait = policy.ServerErrorBackoff * Math.Pow(2, ServerErrors);
                ServerErrors++;
                return true;
            }

            return false;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(
        Func<HttpRequestMessage> createRequest,
        string operation,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(policy.RequestTimeout);
        using var request = createRequest();
        try
        {
            return await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new StatusReportingException(
                $"{serviceName} did not answer {operation} within {policy.RequestTimeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException exception)
        {
            // The transport's own message can name the address it failed on (a webhook URL is a secret).
            throw new StatusReportingException(
                $"{serviceName} could not be reached for {operation}: {DescribeTransportError(exception)}.");
        }
    }

    private static TimeSpan RetryAfterOf(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var untilDate = date - DateTimeOffset.UtcNow;
            return untilDate < TimeSpan.Zero ? TimeSpan.Zero : untilDate;
        }

        return TimeSpan.FromSeconds(1);
    }

    private static string DescribeTransportError(HttpRequestException exception)
    {
        if (exception.InnerException is SocketException socket)
        {
            return socket.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => "the connection was refused",
                SocketError.HostNotFound or SocketError.TryAgain => "its host name did not resolve",
                SocketError.TimedOut => "the connection timed out",
                SocketError.NetworkUnreachable or SocketError.HostUnreachable => "the network is unreachable",
                _ => $"network error {socket.SocketErrorCode}",
            };
        }

        return exception.HttpRequestError switch
        {
            HttpRequestError.NameResolutionError => "its host name did not resolve",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ResponseEnded => "the connection closed before an answer came",
            HttpRequestError.ProxyTunnelError => "the proxy refused the connection",
            _ => "the request failed on the network",
        };
    }
}
