using System.Net;
using System.Security.Cryptography;
using System.Text;
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

    // x-amz-meta-slipway-manifest on the object.
    private const string ManifestKey = "x-amz-meta-slipway-manifest";

    public string KeyOf(string app) => $"{prefix}{app}/files.tar.gz";

    /// <summary>
    /// Replaces the snapshot with <paramref name="files"/> (what the store now holds), recording <paramref name="manifest"/>
    /// (<see cref="ManifestOf"/>) in its metadata: a later sync compares it, so a write that failed is made again.
    /// </summary>
    public async Task WriteAsync(string app, IReadOnlyDictionary<string, FileInfo> files, string manifest, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"slipway-files-{Guid.NewGuid():N}.tar.gz");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await FilesSnapshot.WriteAsync(files, file, cancellationToken);
            }

            var request = new TransferUtilityUploadRequest { FilePath = temporary, BucketName = bucket, Key = KeyOf(app) };
            request.Metadata.Add(ManifestKey, manifest);
            await calls.CallAsync(() => new TransferUtility(s3).UploadAsync(request, cancellationToken));
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>The SHA-256 of the sorted <c>path:md5</c> pairs of what the store holds: what a snapshot of them records.</summary>
    public static string ManifestOf(IReadOnlyDictionary<string, string> md5s) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Concat(md5s.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{pair.Value}\n")))));

    /// <summary>The stored snapshot's manifest (empty when it has none) and size, or null when there is no snapshot.</summary>
    public async Task<(string Manifest, long Bytes)?> HeadAsync(string app, CancellationToken cancellationToken)
    {
        try
        {
            var head = await s3.GetObjectMetadataAsync(bucket, KeyOf(app), cancellationToken);
            return (head.Metadata?[ManifestKey] ?? "", head.ContentLength);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            // A HEAD answers 404 without a body, for a missing key and a missing bucket alike: a bucket gone says so.
            await calls.CallAsync(() => s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancellationToken));
            return null;
        }
        catch (AmazonS3Exception exception)
        {
            throw calls.Explain(exception);
        }
    }

    /// <summary>A GET URL of the snapshot signed with Slipway's own credentials (its s3:GetObject right), or null when there is none.</summary>
    public async Task<FilesSnapshotUrl?> UrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken)
    {
        if (await HeadAsync(app, cancellationToken) is not { } stored)
        {
            return null;
        }

        var request = new GetPreSignedUrlRequest
        {
            BucketName = bucket,
            Key = KeyOf(app),
            Verb = HttpVerb.GET,
            Expires = DateTime.UtcNow + (validFor < LongestValidity ? validFor : LongestValidity),
            Protocol = PresignedLinks.ProtocolOf(s3),
        };
        return new FilesSnapshotUrl(new Uri(await s3.GetPreSignedURLAsync(request)), stored.Bytes);
    }
}
