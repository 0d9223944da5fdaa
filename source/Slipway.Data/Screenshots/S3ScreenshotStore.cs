using Amazon.S3;
using Amazon.S3.Model;

namespace Slipway.Data.Screenshots;

/// <summary>
/// Screenshots of failing browser steps in an S3 bucket (<c>--screenshots-bucket</c>), under
/// <c>&lt;prefix&gt;&lt;app&gt;/&lt;run&gt;/&lt;name&gt;</c>, each linked by a presigned GET address that works for
/// <see cref="LinkLifetime"/>: what a run without the service's page links from Slack. Whoever has the address can
/// open the file until then, without logging in anywhere (docs/security.md).
/// </summary>
public sealed class S3ScreenshotStore(IAmazonS3 s3, string bucket, string prefix, TimeProvider clock)
{
    /// <summary>
    /// How long a link works: 7 days, the longest a SigV4 presigned address may live, less a minute. The SDK measures
    /// the time from its own clock corrected by the server's, and an address a second over the limit would be signed
    /// the old way (SigV2, which buckets made since 2020 refuse) in us-east-1.
    /// </summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>The IAM actions the calls below need on the bucket's prefix.</summary>
    public static readonly IReadOnlyList<string> RequiredActions = ["s3:PutObject", "s3:GetObject"];

    /// <summary>The store of <c>bucket</c> or <c>bucket/prefix/</c>; AWSSDK.S3 finds credentials, region and endpoint its usual way.</summary>
    public static S3ScreenshotStore FromSetting(string bucketAndPrefix)
    {
        var separator = bucketAndPrefix.IndexOf('/', StringComparison.Ordinal);
        var bucket = separator < 0 ? bucketAndPrefix : bucketAndPrefix[..separator];
        var prefix = separator < 0 ? "" : bucketAndPrefix[(separator + 1)..].Trim('/');
        return new S3ScreenshotStore(new AmazonS3Client(), bucket, prefix.Length == 0 ? "" : prefix + "/", TimeProvider.System);
    }

    /// <summary>Uploads the PNG and returns the address that opens it for <see cref="LinkLifetime"/>.</summary>
    /// <exception cref="DataException">The bucket refused it (the message says what to check).</exception>
    public async Task<Uri> PutAsync(string app, string runId, string name, byte[] png, CancellationToken cancellationToken)
    {
        var key = $"{prefix}{app}/{runId}/{name}";
        try
        {
            using var content = new MemoryStream(png, writable: false);
            await s3.PutObjectAsync(
                new PutObjectRequest { BucketName = bucket, Key = key, InputStream = content, ContentType = "image/png" }, cancellationToken);
            var address = await s3.GetPreSignedURLAsync(new GetPreSignedUrlRequest
            {
                BucketName = bucket,
                Key = key,
                Verb = HttpVerb.GET,
                Expires = clock.GetUtcNow().Add(LinkLifetime).UtcDateTime,
                // The SDK signs https unless told: an endpoint override over plain http (a test's emulator) keeps its scheme.
                Protocol = s3.Config.ServiceURL?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
            });
            return new Uri(address);
        }
        catch (AmazonS3Exception exception)
        {
            throw new DataException(
                $"The screenshots bucket {bucket} refused {name} ({exception.ErrorCode ?? exception.StatusCode.ToString()}): check that it exists and that Slipway may s3:PutObject there.");
        }
    }
}
