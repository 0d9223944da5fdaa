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
/// <param name="ProbeAllowance">How much longer the readiness probe waits: the fetch runs before Apache starts.</param>
public sealed record PlaygroundFilesSetup(
    ServiceFiles? Files, IReadOnlyDictionary<string, string> Environment, IReadOnlyDictionary<string, string> Secrets, TimeSpan ProbeAllowance)
{
    public const string UrlSecret = "SLIPWAY_FILES_URL";
    public const string PathVariable = "SLIPWAY_FILES_PATH";

    /// <summary>
    /// How long the URL works. The start script fetches it once, when the task starts (minutes after it is made: an image
    /// pull, a Fargate placement); a stopped playground task is not started again. An hour covers a slow start and
    /// leaves a leaked URL little time.
    /// </summary>
    public static readonly TimeSpan UrlValidity = TimeSpan.FromHours(1);

    /// <summary>
    /// The fetch's time, for the probe (docs/data.md, "Sizes"): 30 s to start plus one second per 5 MB of tarball, a
    /// fetch from S3 and an unpack at a pace well under what a Fargate task in the bucket's region gets.
    /// </summary>
    public static TimeSpan FetchAllowance(long bytes) => TimeSpan.FromSeconds(30 + (bytes / (5.0 * 1024 * 1024)));

    private const string ScriptPrefix = "slipway-files:";

    private static PlaygroundFilesSetup None { get; } = new(null, new Dictionary<string, string>(), new Dictionary<string, string>(), TimeSpan.Zero);

    /// <summary>One sentence quoting what the start script said about the files (the last such line), or "" when it said nothing.</summary>
    public static string FetchNote(IEnumerable<LogLine> tail) =>
        tail.LastOrDefault(line => line.Text.Contains(ScriptPrefix, StringComparison.Ordinal)) is { Text: { } text }
            ? $" The files fetch said: {text[(text.IndexOf(ScriptPrefix, StringComparison.Ordinal) + ScriptPrefix.Length)..].Trim()}."
            : "";

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

        if (await files.SnapshotUrlAsync(app, UrlValidity, cancellationToken) is not { } snapshot)
        {
            return None;
        }

        if (profile.Dockerfile is { } dockerfile)
        {
            // Only Slipway's image has the start script that fetches them: the app's own image would just hold the credential.
            Log.Warning($"The playground on {platform.Name} does not get the app's files: it runs the app's own image ({dockerfile}), which has no Slipway start script to fetch them; see docs/data.md.");
            return None;
        }

        var allowance = FetchAllowance(snapshot.Bytes);
        Log.Information($"The playground fetches the app's files ({snapshot.Bytes / 1048576.0:0.#} MB) into {profile.Files} at its start (a URL valid for {UrlValidity.TotalMinutes:0} minutes); its probe waits {allowance.TotalSeconds:0} s longer.");
        return new PlaygroundFilesSetup(
            null,
            new Dictionary<string, string> { [PathVariable] = profile.Files },
            new Dictionary<string, string> { [UrlSecret] = snapshot.Url.AbsoluteUri },
            allowance);
    }
}
