using Slipway.Engine;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Running;
using Slipway.Platform;

namespace Slipway.Pipeline.Playground;

/// <summary>
/// How a playground gets the app's synced files (docs/data.md, "Files"): a platform that writes into its containers
/// (the local engine) gets the store's folder; one that cannot (Fargate) gets, when the store is a bucket, a presigned
/// URL of the files' tarball as a secret, which the app image's start script (<c>docker/app/slipway-files.sh</c>) fetches
/// and unpacks into <c>playground.files</c> before Apache starts.
/// </summary>
/// <param name="Files">The folder to copy in, on a platform that copies.</param>
/// <param name="Environment">The variables to add to the playground's environment.</param>
/// <param name="Secrets">The secrets to add to the playground's secrets.</param>
internal sealed record PlaygroundFilesSetup(ServiceFiles? Files, IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Secrets)
{
    public const string UrlSecret = "SLIPWAY_FILES_URL";
    public const string PathVariable = "SLIPWAY_FILES_PATH";

    /// <summary>
    /// How long the URL works. The start script fetches it once, when the task starts (minutes after it is made: an image
    /// pull, a Fargate placement); a stopped playground task is not started again. An hour covers a slow start and
    /// leaves a leaked URL little time.
    /// </summary>
    public static readonly TimeSpan UrlValidity = TimeSpan.FromHours(1);

    private static PlaygroundFilesSetup None { get; } = new(null, new Dictionary<string, string>(), new Dictionary<string, string>());

    public static async Task<PlaygroundFilesSetup> ForAsync(IAppFiles? files, IPlatform platform, string app, AppProfile profile, CancellationToken cancellationToken)
    {
        if (files is null)
        {
            return None;
        }

        if (platform.CopiesFilesIntoServices)
        {
            if (await files.LocalFolderAsync(app, cancellationToken) is not { } folder)
            {
                return None;
            }

            Log.Information($"The playground gets the app's files from {folder}.");
            return None with { Files = new ServiceFiles(folder, $"{AppImageRequest.AppFolder}/{profile.Files}") };
        }

        if (!files.HandsOutUrls)
        {
            // Said only when there are files it misses: every playground of an app that syncs none would otherwise warn.
            if (await files.LocalFolderAsync(app, cancellationToken) is not null)
            {
                Log.Warning($"The playground on {platform.Name} does not get the app's files: it fetches them only from a files store in a bucket (--dump-bucket); see docs/data.md.");
            }

            return None;
        }

        if (await files.SnapshotUrlAsync(app, UrlValidity, cancellationToken) is not { } url)
        {
            return None;
        }

        Log.Information($"The playground fetches the app's files into {profile.Files} at its start (a URL valid for {UrlValidity.TotalMinutes:0} minutes).");
        return new PlaygroundFilesSetup(
            null,
            new Dictionary<string, string> { [PathVariable] = profile.Files },
            new Dictionary<string, string> { [UrlSecret] = url.AbsoluteUri });
    }
}
