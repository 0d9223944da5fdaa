namespace Slipway.Aws.Runtime;

/// <summary>Request options the clients set on every request, for handlers that count or record calls.</summary>
internal static class AwsRequestOptions
{
    /// <summary>The operation a request performs.</summary>
    public static readonly HttpRequestOptionsKey<AwsOperation> Operation = new("Slipway.AwsOperation");
}
