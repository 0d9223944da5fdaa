using Amazon.S3;

namespace Slipway.Data.Storage;

/// <summary>What the presigned GET links Slipway hands out share.</summary>
internal static class PresignedLinks
{
    /// <summary>
    /// The scheme a link is signed for: the SDK signs https unless told, while an endpoint override over plain http
    /// (a test's emulator, a gateway) keeps its scheme.
    /// </summary>
    public static Protocol ProtocolOf(IAmazonS3 s3) =>
        s3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS;
}
