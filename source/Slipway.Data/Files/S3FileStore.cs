using Amazon.S3;
using Amazon.S3.Model;
using Slipway.Data.Storage;

namespace Slipway.Data.Files;

/// <summary>
/// The files under <c>&lt;prefix&gt;&lt;app&gt;/files/</c> in the dump bucket. Each file is uploaded in one part, so its
/// ETag is its MD5: a file whose MD5 matches is not sent again. A playground on the local engine gets a copy kept in
/// <c>&lt;cache&gt;/&lt;app&gt;</c>, brought up to date the same way before each start; one elsewhere (Fargate) fetches
/// the snapshot every sync leaves beside them (<see cref="S3FilesSnapshot"/>) through a presigned URL.
/// </summary>
public sealed class S3FileStore(IAmazonS3 s3, string bucket, string prefix, string cacheRoot) : IFileStore
{
    // Two playgrounds of one app may start at once (the service runs two runs side by side): one refreshes the cache at a time.
    private static readonly OneAtATime Refreshing = new();

    private readonly S3Calls calls = new(bucket);
    private S3FilesSnapshot Snapshot => field ??= new(s3, bucket, prefix, calls);

    public string Location => $"s3://{bucket}/{prefix}";

    public async Task<FileSyncReport> SyncAsync(string app, string sourceFolder, CancellationToken cancellationToken)
    {
        var source = FileTree.Source(sourceFolder);
        var md5s = await Md5sAsync(source, cancellationToken);
        var plan = FileTree.Plan(md5s, await StoredAsync(app, cancellationToken));
        foreach (var path in plan.Copy)
        {
            var request = new PutObjectRequest { BucketName = bucket, Key = KeyOf(app, path), FilePath = source[path].FullName };
            await calls.CallAsync(() => s3.PutObjectAsync(request, cancellationToken));
        }

        foreach (var path in plan.Remove)
        {
            await calls.CallAsync(() => s3.DeleteObjectAsync(bucket, KeyOf(app, path), cancellationToken));
        }

        // The snapshot records what it holds: one missing, older than snapshots, or left behind by a write that failed
        // after the files were sent (Ctrl+C, the network) differs from what the store now holds, changed this time or not.
        var manifest = S3FilesSnapshot.ManifestOf(md5s);
        if ((await Snapshot.HeadAsync(app, cancellationToken))?.Manifest != manifest)
        {
            await Snapshot.WriteAsync(app, source, manifest, cancellationToken);
        }

        return plan.Report;
    }

    public async Task<string?> LocalFolderAsync(string app, CancellationToken cancellationToken)
    {
        var stored = await StoredAsync(app, cancellationToken);
        if (stored.Count == 0)
        {
            return null;
        }

        var folder = Path.GetFullPath(Path.Combine(cacheRoot, app));
        using (await Refreshing.HoldAsync(folder, cancellationToken))
        {
            var plan = FileTree.Plan(stored, await Md5sAsync(FileTree.List(folder), cancellationToken));
            await S3LocalCopy.ApplyAsync(s3, calls, bucket, path => KeyOf(app, path), folder, plan, cancellationToken);
        }

        return folder;
    }

    public bool HandsOutUrls => true;

    public Task<FilesSnapshotUrl?> SnapshotUrlAsync(string app, TimeSpan validFor, CancellationToken cancellationToken) =>
        Snapshot.UrlAsync(app, validFor, cancellationToken);

    private string FolderKey(string app) => $"{prefix}{app}/files/";

    private string KeyOf(string app, string path) => FolderKey(app) + path;

    // Relative path → MD5 (the ETag without its quotes) of every stored file, all pages.
    private async Task<Dictionary<string, string>> StoredAsync(string app, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = bucket, Prefix = FolderKey(app) };
        ListObjectsV2Response response;
        do
        {
            response = await calls.CallAsync(() => s3.ListObjectsV2Async(request, cancellationToken));
            foreach (var item in response.S3Objects ?? [])
            {
                stored[item.Key[request.Prefix.Length..]] = item.ETag.Trim('"');
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        return stored;
    }

    private static async Task<Dictionary<string, string>> Md5sAsync(IReadOnlyDictionary<string, FileInfo> files, CancellationToken cancellationToken)
    {
        var md5s = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, file) in files)
        {
            md5s[path] = await FileTree.Md5Async(file, cancellationToken);
        }

        return md5s;
    }
}
