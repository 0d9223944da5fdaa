namespace Slipway.Aws.Runtime;

/// <summary>
/// Picks a service's endpoint: an explicit override first (per service, then for all services), then
/// AWS_ENDPOINT_URL_&lt;SERVICE&gt; and AWS_ENDPOINT_URL (unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is
/// true), then the service's public endpoint for the region.
/// </summary>
internal sealed class AwsEndpointResolver(AwsClientOptions options)
{
    public Uri Resolve(AwsService service, string region)
    {
        if (options.ServiceEndpointUrls.TryGetValue(service.EndpointKey, out var serviceUrl))
        {
            return serviceUrl;
        }

        if (options.EndpointUrl is not null)
        {
            return options.EndpointUrl;
        }

        if (!IgnoresConfiguredEndpoints())
        {
            var fromEnvironment = Variable($"AWS_ENDPOINT_URL_{service.EndpointKey}") ?? Variable("AWS_ENDPOINT_URL");
            if (fromEnvironment is not null)
            {
                return Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
                    ? uri
                    : throw new AwsException(
                        $"The endpoint override '{fromEnvironment}' for {service.Name} is not an http(s) URL: fix AWS_ENDPOINT_URL_{service.EndpointKey} or AWS_ENDPOINT_URL.");
            }
        }

        var dnsSuffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return service.GlobalSigningRegion is null
            ? new Uri($"https://{service.EndpointPrefix}.{region}.{dnsSuffix}/")
            : new Uri($"https://{service.EndpointPrefix}.{dnsSuffix}/");
    }

    private bool IgnoresConfiguredEndpoints() =>
        string.Equals(Variable("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"), "true", StringComparison.OrdinalIgnoreCase);

    private string? Variable(string name) => options.EnvironmentVariable(name) is { Length: > 0 } value ? value : null;
}
