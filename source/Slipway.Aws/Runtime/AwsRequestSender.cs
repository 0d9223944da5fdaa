using System.Net.Http.Headers;
using Amazon.Runtime;

namespace Slipway.Aws.Runtime;

/// <summary>
/// Sends one operation's request: addresses it (endpoint overrides), signs it (SigV4) and retries it
/// on throttling, 5xx answers and dropped connections. AWS's error answers become
/// <see cref="AwsException"/>s that say what to fix.
/// </summary>
internal sealed class AwsRequestSender : IDisposable
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient http;
    private readonly AwsEndpointResolver endpoints;
    private readonly AwsCredentialSource credentials;
    private readonly AwsRetryPolicy retry;

    public AwsRequestSender(AwsClientOptions options, string region)
    {
        Region = region;
        http = new HttpClient(
            options.HttpHandler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            disposeHandler: options.HttpHandler is null)
        {
            Timeout = AttemptTimeout,
        };
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
        for (var attempt = 1; ; attempt++)
        {
            using var message = Build(endpoint, operation, request);
            await SignAsync(message, operation, request, signingCredentials, cancellationToken);
            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(message, cancellationToken);
            }
            catch (Exception exception) when (IsConnectionFailure(exception, cancellationToken))
            {
                if (attempt >= retry.MaxAttempts)
                {
                    throw AwsErrorMessages.Unreachable(operation, endpoint, exception);
                }

                await Task.Delay(retry.DelayAfter(attempt), cancellationToken);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return body;
                }

                var error = AwsErrorReader.Read((int)response.StatusCode, response.Headers, body);
                if (!AwsRetryPolicy.IsRetryable(error))
                {
                    throw AwsErrorMessages.From(operation, error);
                }

                if (attempt >= retry.MaxAttempts)
                {
                    throw AwsRetryPolicy.IsThrottling(error)
                        ? new AwsException(
                            $"AWS kept throttling {operation.Action} after {attempt} attempts: run fewer pipelines at once or ask AWS to raise the {operation.Service.Name} request rate.",
                            operation.Action,
                            error.Code,
                            error.StatusCode)
                        : AwsErrorMessages.From(operation, error);
                }
            }

            await Task.Delay(retry.DelayAfter(attempt), cancellationToken);
        }
    }

    public void Dispose() => http.Dispose();

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

    private static bool IsConnectionFailure(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);
}
