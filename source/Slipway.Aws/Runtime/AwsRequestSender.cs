using System.Net.Http.Headers;
using Amazon.Runtime;
using Polly.Timeout;

namespace Slipway.Aws.Runtime;

/// <summary>
/// Sends one operation's request: addresses it (endpoint overrides), signs it (SigV4) and retries it
/// on throttling, 5xx answers and dropped connections through <see cref="AwsRetryPolicy"/>. AWS's error answers become
/// <see cref="AwsException"/>s that say what to fix.
/// </summary>
internal sealed class AwsRequestSender : IDisposable
{
    private readonly HttpClient http;
    private readonly AwsEndpointResolver endpoints;
    private readonly AwsCredentialSource credentials;
    private readonly AwsRetryPolicy retry;
    private readonly TimeSpan attemptLimit;

    public AwsRequestSender(AwsClientOptions options, string region)
    {
        Region = region;
        http = new HttpClient(
            options.HttpHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            disposeHandler: options.HttpHandler is null)
        {
            // Each attempt has its own limit (a stalled connection is a transient failure), the call a total one.
            Timeout = Timeout.InfiniteTimeSpan,
        };
        attemptLimit = options.Retry.LongestAttempt;
        endpoints = new AwsEndpointResolver(options);
        credentials = new AwsCredentialSource(options);
        retry = new AwsRetryPolicy(options.Retry, options.EnvironmentVariable);
    }

    /// <summary>The region calls are made in (global services sign for their own region).</summary>
    public string Region { get; }

    /// <summary>Sends the request and returns the body of AWS's successful answer.</summary>
    public async Task<string> SendAsync(AwsOperation operation, AwsRequest request, CancellationToken cancellationToken)
    {
        var endpoint = endpoints.Resolve(operation.Service, Region);
        var signingCredentials = await credentials.GetAsync(cancellationToken);
        var attempts = 0;
        try
        {
            return await retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(endpoint, operation, request, signingCredentials, token);
                },
                cancellationToken);
        }
        catch (AwsException exception) when (AwsRetryPolicy.IsThrottling(exception) && attempts >= retry.MaxAttempts)
        {
            throw new AwsException(
                $"AWS kept throttling {operation.Action} after {attempts} attempts: run fewer pipelines at once or ask AWS to raise the {operation.Service.Name} request rate.",
                operation.Action,
                exception.ErrorCode,
                exception.StatusCode,
                isTransient: true);
        }
        catch (TimeoutRejectedException exception)
        {
            throw AwsErrorMessages.TooSlow(operation, endpoint, retry.MaxTotal, attempts, exception);
        }
    }

    public void Dispose() => http.Dispose();

    // One try: a failure worth another one throws an AwsException marked transient, which the policy retries.
    private async ValueTask<string> AttemptAsync(
        Uri endpoint, AwsOperation operation, AwsRequest request, AWSCredentials signingCredentials, CancellationToken cancellationToken)
    {
        using var message = Build(endpoint, operation, request);
        await SignAsync(message, operation, request, signingCredentials, cancellationToken);
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attemptTimeout.CancelAfter(attemptLimit);
        try
        {
            using var response = await http.SendAsync(message, attemptTimeout.Token);
            var body = await response.Content.ReadAsStringAsync(attemptTimeout.Token);
            if (response.IsSuccessStatusCode)
            {
                return body;
            }

            throw AwsErrorMessages.From(operation, AwsErrorReader.Read((int)response.StatusCode, response.Headers, body));
        }
        catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
        {
            var cause = exception is OperationCanceledException
                ? new TimeoutException($"no answer within {attemptLimit.TotalSeconds:0.#} s", exception)
                : exception;
            throw AwsErrorMessages.Unreachable(operation, endpoint, cause);
        }
    }

    private static HttpRequestMessage Build(Uri endpoint, AwsOperation operation, AwsRequest request)
    {
        var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        var message = new HttpRequestMessage(request.Method, new Uri(root, request.PathAndQuery.TrimStart('/')));
        message.Options.Set(AwsRequestOptions.Operation, operation);
        if (request.Method != HttpMethod.Get || request.Body.Length > 0)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null)
            {
                message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(request.ContentType);
            }
        }

        foreach (var (name, value) in request.Headers ?? new Dictionary<string, string>())
        {
            message.Headers.TryAddWithoutValidation(name, value);
        }

        return message;
    }

    private async Task SignAsync(
        HttpRequestMessage message,
        AwsOperation operation,
        AwsRequest request,
        AWSCredentials signingCredentials,
        CancellationToken cancellationToken)
    {
        try
        {
            await SigV4RequestSigner.SignAsync(
                message,
                request.Body,
                signingCredentials,
                operation.Service.SigningRegion(Region),
                operation.Service.SigningName,
                signedAt: null,
                cancellationToken);
        }
        catch (AmazonClientException exception)
        {
            // Refreshing credentials (SSO, assumed roles) load lazily, so an expired session surfaces here.
            throw new AwsException(
                $"The AWS credentials could not be loaded for {operation.Action} ({exception.Message.Split('\n')[0].TrimEnd('.')}): renew the session (aws sso login) or check AWS_PROFILE.",
                operation.Action,
                innerException: exception);
        }
    }

    // A refused or reset connection, or an attempt that outlived its own limit (not the caller's or the policy's).
    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException or IOException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
