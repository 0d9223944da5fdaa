using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.S3.Transfer;
using Slipway.Data.Storage;

namespace Slipway.Data.Dumps;

/// <summary>
/// Dumps in an S3 bucket under <c>&lt;prefix&gt;&lt;app&gt;/</c>. A dump is written to a local temporary
/// file first (memory stays flat; the upload is multipart for large dumps), then uploaded, then made
/// <c>latest</c>, so a failed or cancelled dump never replaces the previous one.
/// </summary>
public sealed class S3DumpStore(IAmazonS3 s3, string bucket, string prefix = "") : IDumpStore
{
    private const string LatestPointer = "latest";

    private readonly S3Calls calls = new(bucket);

    public string Location => $"s3://{bucket}/{prefix}";

    /// <summary>
    /// The IAM actions the calls below need (docs/iam-policy.json grants exactly these on the dump bucket):
    /// ListObjectsV2 is <c>s3:ListBucket</c>; TransferUtility's multipart upload may abort or list its parts.
    /// </summary>
    public static readonly IReadOnlyList<string> RequiredActions =
    [
        "s3:ListBucket", "s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts",
    ];

    public async Task<StoredDump> SaveAsync(StoredDump dump, Func<Stream, CancellationToken, Task> write, int keep, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Path.GetTempPath(), $"slipway-dump-{Guid.NewGuid():N}.sql.gz");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                await write(file, cancellationToken);
            }

            await CallAsync(() => new TransferUtility(s3).UploadAsync(temporary, bucket, KeyOf(dump), cancellationToken));
        }
        finally
        {
            File.Delete(temporary);
        }

        await CallAsync(() => s3.PutObjectAsync(
            new PutObjectRequest { BucketName = bucket, Key = PointerKey(dump.App), ContentBody = dump.Name, ContentType = "text/plain" },
            CancellationToken.None));

        var dumps = await ListAsync(dump.App, CancellationToken.None);
        foreach (var old in dumps.Take(Math.Max(0, dumps.Count - Math.Max(1, keep))))
        {
            await CallAsync(() => s3.DeleteObjectAsync(bucket, KeyOf(old), CancellationToken.None));
        }

        return dump;
    }

    public async Task<StoredDump?> FindLatestAsync(string app, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, PointerKey(app), cancellationToken);
            using var reader = new StreamReader(response.ResponseStream);
            return new StoredDump(app, (await reader.ReadToEndAsync(cancellationToken)).Trim());
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchKey" || exception.StatusCode == HttpStatusCode.NotFound && exception.ErrorCode != "NoSuchBucket")
        {
            return null;
        }
        catch (AmazonS3Exception exception)
        {
            throw Explain(exception);
        }
    }

    public async Task<IReadOnlyList<StoredDump>> ListAsync(string app, CancellationToken cancellationToken)
    {
        var dumps = new List<StoredDump>();
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = $"{prefix}{app}/" };
        ListObjectsV2Response response;
        do
        {
            response = await CallAsync(() => s3.ListObjectsV2Async(request, cancellationToken));
            dumps.AddRange((response.S3Objects ?? []).Select(item => item.Key[request.Prefix.Length..])
                .Where(StoredDump.IsDumpName).Select(name => new StoredDump(app, name)));
            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return dumps.OrderBy(dump => dump.Name, StringComparer.Ordinal).ToList();
    }

    public async Task<Stream> OpenReadAsync(StoredDump dump, CancellationToken cancellationToken)
    {
        try
        {
            var response = await s3.GetObjectAsync(bucket, KeyOf(dump), cancellationToken);
            return response.ResponseStream;
        }
        catch (AmazonS3Exception exception) when (exception.ErrorCode == "NoSuchKey")
        {
            throw new DataException($"The dump {dump.Key} is missing from {Location}: run DumpDatabase first.", exception);
        }
        catch (AmazonS3Exception exception)
        {
            throw Explain(exception);
        }
    }

    private string KeyOf(StoredDump dump) => $"{prefix}{dump.App}/{dump.Name}";

    private string PointerKey(string app) => $"{prefix}{app}/{LatestPointer}";

    private Task<T> CallAsync<T>(Func<Task<T>> call) => calls.CallAsync(call);

    private Task CallAsync(Func<Task> call) => calls.CallAsync(call);

    private DataException Explain(AmazonS3Exception exception) => calls.Explain(exception);
}
