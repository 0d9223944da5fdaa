using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using Slipway.Data.Storage;

namespace Slipway.Data.Files;

/// <summary>
/// Keeps a local copy of an <see cref="S3FilesSource"/> in <c>&lt;root&gt;/&lt;app&gt;</c>, from which the store is then
/// synced like from a folder. Incremental by size and ETag: the ETag each file had when it was fetched is kept in
/// <c>&lt;root&gt;/&lt;app&gt;.etags.json</c>, and an object whose size and ETag both match is not fetched again; a
/// multipart upload's ETag is not an MD5, so the ETag is compared as S3 gives it, never with a hash of the local file.
/// Objects gone from the source are removed from the copy. One fetch of an app at a time: <see cref="FilesSync"/> waits its turn.
/// </summary>
public sealed class S3FilesMirror(IAmazonS3 s3, string root)
{
    /// <summary>The IAM actions the calls below need on the source bucket (docs/iam-policy.json).</summary>
    public const string RequiredActions = "s3:ListBucket and s3:GetObject";

    /// <summary>Brings the app's local copy up to date with <paramref name="source"/>.</summary>
    /// <returns>The copy's folder, and what was fetched, removed and left.</returns>
    /// <exception cref="DataException">The bucket is missing or refused, or a key cannot be a file of the copy.</exception>
    public async Task<(string Folder, FileSyncReport Fetched)> FetchAsync(string app, S3FilesSource source, CancellationToken cancellationToken)
    {
        var calls = new S3Calls(source.Bucket, FilesSources.Flag, RequiredActions);
        var folder = Path.GetFullPath(Path.Combine(root, app));
        var index = Path.Combine(root, app + ".etags.json");
        var listed = await ListAsync(source, calls, cancellationToken);
        var fetched = await ReadIndexAsync(index, folder, cancellationToken);
        var plan = FileTree.Plan(listed, fetched);
        await S3LocalCopy.ApplyAsync(s3, calls, source.Bucket, path => source.Prefix + path, folder, plan, cancellationToken);
        foreach (var path in plan.Copy)
        {
            fetched[path] = listed[path];
        }

        foreach (var path in plan.Remove)
        {
            fetched.Remove(path);
        }

        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(index, JsonSerializer.Serialize(fetched), cancellationToken);
        return (folder, plan.Report);
    }

    // Relative path → "size:ETag" of every object under the prefix, all pages; folder markers (keys ending in '/') are not files.
    private async Task<Dictionary<string, string>> ListAsync(S3FilesSource source, S3Calls calls, CancellationToken cancellationToken)
    {
        var listed = new Dictionary<string, string>(StringComparer.Ordinal);
        var request = new ListObjectsV2Request { BucketName = source.Bucket, Prefix = source.Prefix };
        ListObjectsV2Response response;
        do
        {
            response = await calls.CallAsync(() => s3.ListObjectsV2Async(request, cancellationToken));
            foreach (var item in (response.S3Objects ?? []).Where(item => !item.Key.EndsWith('/')))
            {
                listed[PathOf(source, item.Key)] = $"{item.Size}:{item.ETag}";
            }

            request.ContinuationToken = response.NextContinuationToken;
        }
        while (response.IsTruncated == true);

        // "a" and "a/b" cannot both be in a folder.
        foreach (var path in listed.Keys)
        {
            for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
            {
                if (listed.ContainsKey(path[..slash]))
                {
                    throw new DataException(
                        $"The files source {source.Location} ({FilesSources.Flag}) holds '{source.Prefix + path[..slash]}' both as an object and as the folder of '{source.Prefix + path}': rename or remove one of them.");
                }
            }
        }

        return listed;
    }

    // A key is the bucket writer's text. One the file system would read differently ("a/./b", "a//b", "x/../b") lists a
    // path no file in the copy has, so each sync would fetch it and remove it again; "../" would climb out of the copy.
    private static string PathOf(S3FilesSource source, string key)
    {
        var path = key[source.Prefix.Length..];
        return path.Contains('\\') || path.Split('/').Any(part => part is "" or "." or "..")
            ? throw new DataException(
                $"The files source {source.Location} ({FilesSources.Flag}) holds the object '{key}', whose name has an empty, '.' or '..' part or a backslash: rename or remove it.")
            : path;
    }

    // What was fetched before, as far as the copy still holds it (a file removed or resized by hand is fetched again).
    private static async Task<Dictionary<string, string>> ReadIndexAsync(string index, string folder, CancellationToken cancellationToken)
    {
        Dictionary<string, string>? kept = null;
        if (File.Exists(index))
        {
            try
            {
                kept = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(index, cancellationToken));
            }
            catch (JsonException)
            {
                // An unreadable index only costs a full fetch.
            }
        }

        var files = FileTree.List(folder);
        var fetched = (kept ?? []).Where(pair => files.TryGetValue(pair.Key, out var file) && pair.Value.StartsWith($"{file.Length}:", StringComparison.Ordinal))
            .ToDictionary(StringComparer.Ordinal);
        // Files in the copy the index does not know (an interrupted run's) are compared as missing, so a stale one is replaced or removed.
        foreach (var path in files.Keys.Where(path => !fetched.ContainsKey(path)))
        {
            fetched[path] = "";
        }

        return fetched;
    }
}
