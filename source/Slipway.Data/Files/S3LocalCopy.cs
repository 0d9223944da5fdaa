using Amazon.S3;
using Slipway.Data.Storage;

namespace Slipway.Data.Files;

/// <summary>A local folder kept as a copy of objects in a bucket: the files cache of <see cref="S3FileStore"/> and the copies of <see cref="S3FilesMirror"/>.</summary>
internal static class S3LocalCopy
{
    /// <summary>Fetches the plan's copies (relative paths, found at <paramref name="keyOf"/>) into <paramref name="folder"/> and deletes its removals.</summary>
    public static async Task ApplyAsync(
        IAmazonS3 s3, S3Calls calls, string bucket, Func<string, string> keyOf, string folder, SyncPlan plan, CancellationToken cancellationToken)
    {
        foreach (var path in plan.Copy)
        {
            var response = await calls.CallAsync(() => s3.GetObjectAsync(bucket, keyOf(path), cancellationToken));
            using (response)
            {
                // The fetch time is the copy's modification time: S3's LastModified has whole seconds, so a file replaced
                // within a second by one of the same size would otherwise look unchanged to the local store.
                await LocalFileStore.CopyAsync(response.ResponseStream, Path.Combine(folder, path), modifiedUtc: null, cancellationToken);
            }
        }

        foreach (var path in plan.Remove)
        {
            File.Delete(Path.Combine(folder, path));
        }
    }
}
