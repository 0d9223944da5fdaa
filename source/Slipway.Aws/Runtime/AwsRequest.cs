namespace Slipway.Aws.Runtime;

/// <summary>A request to one AWS service, before it is addressed and signed.</summary>
/// <param name="PathAndQuery">Relative to the service endpoint, e.g. "/" or "/2013-04-01/change/C123".</param>
/// <param name="Headers">Protocol headers such as X-Amz-Target; all are signed.</param>
internal sealed record AwsRequest(
    HttpMethod Method,
    string PathAndQuery,
    byte[] Body,
    string? ContentType = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public override string ToString() => $"{Method} {PathAndQuery}";
}
