using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace Slipway.Aws.Runtime;

/// <summary>Signs an outgoing request with AWS Signature Version 4, using the SDK's signer.</summary>
internal static class SigV4RequestSigner
{
    /// <summary>
    /// Adds Authorization, X-Amz-Date, X-Amz-Content-SHA256 (and X-Amz-Security-Token for session
    /// credentials) to <paramref name="request"/>. Every header already on the request is signed.
    /// </summary>
    public static async Task SignAsync(
        HttpRequestMessage request,
        byte[] body,
        AWSCredentials credentials,
        string region,
        string service,
        DateTime? signedAt,
        CancellationToken cancellationToken)
    {
        var signing = new AWSSigningRequest
        {
            HttpMethod = request.Method,
            RequestUri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request)),
            Content = body,
        };
        foreach (var header in request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>()))
        {
            signing.Headers[header.Key] = string.Join(",", header.Value);
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = credentials,
            Region = RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = signedAt,
        };
        var result = await AWSSigV4Signer.SignAsync(signing, parameters, cancellationToken);
        foreach (var header in result.Headers)
        {
            request.Headers.Remove(header.Key);
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }
}
