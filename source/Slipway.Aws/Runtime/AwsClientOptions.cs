using Amazon.Runtime;

namespace Slipway.Aws.Runtime;

/// <summary>
/// How the AWS clients find credentials and endpoints. The defaults follow the AWS SDKs: the standard
/// credential chain (environment, profiles including SSO, container and instance roles) and the
/// endpoint override variables AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_&lt;SERVICE&gt;.
/// </summary>
public sealed record AwsClientOptions
{
    /// <summary>Credentials to use instead of the standard chain (tests, or a caller that resolved them itself).</summary>
    public AWSCredentials? Credentials { get; init; }

    /// <summary>A named profile from ~/.aws/config or ~/.aws/credentials; null follows AWS_PROFILE, then "default".</summary>
    public string? Profile { get; init; }

    /// <summary>One endpoint for every service, like AWS_ENDPOINT_URL (an emulator such as moto).</summary>
    public Uri? EndpointUrl { get; init; }

    /// <summary>
    /// Endpoints per service, like AWS_ENDPOINT_URL_&lt;SERVICE&gt;; keys are ECS, ECR, CLOUDWATCH_LOGS,
    /// ROUTE_53 and EC2.
    /// </summary>
    public IReadOnlyDictionary<string, Uri> ServiceEndpointUrls { get; init; } = new Dictionary<string, Uri>();

    /// <summary>Reads an environment variable; replaced in tests so that they never change the process environment.</summary>
    public Func<string, string?> EnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The HTTP handler requests go through (a counting or recording handler in tests); null uses a pooled socket handler.</summary>
    public HttpMessageHandler? HttpHandler { get; init; }

    /// <summary>How throttled and failed calls are retried.</summary>
    public AwsRetryOptions Retry { get; init; } = new();

    // The record's generated ToString would print every member; keep it to what is safe and useful.
    public override string ToString() =>
        $"AwsClientOptions {{ Profile = {Profile ?? "(default chain)"}, EndpointUrl = {EndpointUrl?.ToString() ?? "(AWS)"} }}";
}
