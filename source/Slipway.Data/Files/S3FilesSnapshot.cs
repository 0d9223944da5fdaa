using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Slipway.Data.Storage;

namespace Slipway.Data.Files;

/// <summary>
/// The app's files as one object, <c>&lt;prefix&gt;&lt;app&gt;/files.tar.gz</c> beside <c>files/</c>, and presigned GET
/// URLs of it: what a Fargate playground fetches at start (docs/data.md, "Files on AWS"). Written to a temporary
/// file, then uploaded (multipart when large), so memory stays flat and a playground never gets half a snapshot.
/// </summary>
internal sealed class S3FilesSnapshot(IAmazonS3 s3, string bucket, string prefix, S3Calls calls)
{
    /// <summary>SigV4 presigned URLs live at most 7 days.</summary>
    public static readonly TimeSpan LongestValidity = TimeSpan.FromDays(7);

    public string KeyOf(string app) => $"{prefix}{app}/files.tar.gz";

    /// <summary>Replaces the snapshot with <paramref name="files"/> (what the store now holds).</summary>
    public async Task WriteAsync(string app, IReadOnlyDictionary<string, FileInfo> files, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"slipway-files-{Guid.NewGuid():N}.tar.gz");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await FilesSnapshot.WriteAsync(files, file, cancellationToken);
            }

            await calls.CallAsync(() => new TransferUtility(s3).UploadAsync(temporary, bucket, KeyOf(app), cancellationToken));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public async Task<bool> ExistsAsync(string app, CancellationToken cancellationToken)
    {
        try
        {
            await s3.GetObjectMetadataAsync(bucket, KeyOf(app), cancellationToken);
            return true;
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return false;
        }
        catch (AmazonS3Exception exception)
        {
            throw calls.Explain(exception);
        }
    }

    /// <summary>A GET URL of the snapshot signed with Slipway's own credentials (its s3:GetObject right), or null when there is none.</summary>
    public async Task<Uri?> UrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(app, cancellationToken))
        {
            return null;
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = KeyOf(app),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + (validFor < LongestValidity ? validFor : LongestValidity),
            // The SDK signs https unless told; an endpoint override (a test's emulator, a gateway) may speak plain http.
            Protocol = s3.Config.ServiceURL is { } endpoint && endpoint.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? Protocol.HTTP : Protocol.HTTPS,
        };
        return new Uri(await s3.GetPreSignedURLAsync(request));
    }
}
