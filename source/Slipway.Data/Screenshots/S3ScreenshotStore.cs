using Amazon.Runtime;
using Amazon.Runtime.Credentials;
using Amazon.S3;
using Amazon.S3.Model;
using Slipway.Data.Storage;
using Slipway.Platform;

namespace Slipway.Data.Screenshots;

/// <summary>
/// Screenshots of failing browser steps in an S3 bucket (<c>--screenshots-bucket</c>), under
/// <c>&lt;prefix&gt;&lt;app&gt;/&lt;run&gt;/&lt;name&gt;</c>, each linked by a presigned GET address that works for
/// <see cref="LinkLifetime"/>: what a run without the service's page links from Slack. Whoever has the address can
/// open the file until then, without logging in anywhere (docs/security.md). Signed with temporary credentials (a
/// session token: OIDC, an instance or task role, SSO), an address stops working when the session ends, often sooner.
/// </summary>
public sealed class S3ScreenshotStore(IAmazonS3 s3, string bucket, string prefix, TimeProvider clock) : IScreenshotStore
{
    private const string Flag = "--screenshots-bucket";
    private const string S3Scheme = "s3://";

    /// <summary>
    /// How long a link works: 7 days, the longest a SigV4 presigned address may live, less a minute. The SDK measures
    /// the time from its own clock corrected by the server's, and an address a second over the limit would be signed
    /// the old way (SigV2, which buckets made since 2020 refuse) in us-east-1.
    /// </summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1);

    /// <summary>The IAM actions the calls below need on the bucket's prefix.</summary>
    public static readonly IReadOnlyList<string> RequiredActions = ["s3:PutObject", "s3:GetObject"];

    /// <summary>
    /// The store of <c>bucket[/prefix]</c> or <c>s3://bucket[/prefix]</c>; AWSSDK.S3 finds credentials, region and
    /// endpoint its usual way.
    /// </summary>
    /// <exception cref="DataException">The bucket's name is not one S3 could have given (one sentence naming the flag).</exception>
    public static S3ScreenshotStore FromSetting(string setting)
    {
        var (bucket, prefix) = ReadSetting(setting);
        return new S3ScreenshotStore(new AmazonS3Client(), bucket, prefix, TimeProvider.System);
    }

    /// <summary>The bucket and key prefix (empty or ending in <c>/</c>) of <c>bucket[/prefix]</c> or <c>s3://bucket[/prefix]</c>.</summary>
    /// <exception cref="DataException">The bucket's name is not one S3 could have given.</exception>
    public static (string Bucket, string Prefix) ReadSetting(string setting)
    {
        var value = setting.Trim();
        var rest = value.StartsWith(S3Scheme, StringComparison.OrdinalIgnoreCase) ? value[S3Scheme.Length..] : value;
        var separator = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = separator < 0 ? rest : rest[..separator];
        var prefix = separator < 0 ? "" : rest[(separator + 1)..].Trim('/');
        if (!BucketNames.IsValid(bucket))
        {
            throw new DataException(
                $"{Flag} '{value}' does not start with a bucket's name: write bucket/prefix or s3://bucket/prefix, the name {BucketNames.Rule}, such as s3://team-artifacts/slipway.");
        }

        return (bucket, prefix.Length == 0 ? "" : prefix + "/");
    }

    /// <summary>
    /// A warning when <paramref name="credentials"/> are temporary (they carry a session token): links signed with them
    /// stop working when the session ends, whatever <see cref="LinkLifetime"/> says. Null for long-term keys, or when no
    /// credentials are found yet (the upload says so later).
    /// </summary>
    public static string? TemporaryCredentialsWarning(AWSCredentials? credentials)
    {
        ImmutableCredentials? current;
        try
        {
            current = credentials?.GetCredentials();
        }
        catch (AmazonClientException)
        {
            return null;
        }

        if (current is not { UseToken: true })
        {
            return null;
        }

        var ends = credentials!.Expiration is { } expiration ? $"this session ends {expiration.ToUniversalTime():yyyy-MM-dd HH:mm} UTC" : "such sessions often last an hour";
        return $"The AWS credentials are temporary (a session token), so screenshot links from {Flag} stop working when the session does, not after 7 days: {ends}. Long-term keys of an IAM user give week-long links.";
    }

    /// <summary><see cref="TemporaryCredentialsWarning(AWSCredentials?)"/> for the credentials AWSSDK finds its usual way.</summary>
    public static string? TemporaryCredentialsWarning()
    {
        try
        {
            return TemporaryCredentialsWarning(DefaultAWSCredentialsIdentityResolver.GetCredentials());
        }
        catch (AmazonClientException)
        {
            return null;
        }
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
                Protocol = PresignedLinks.ProtocolOf(s3),
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
