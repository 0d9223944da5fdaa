using Slipway.Engine;
using Slipway.Platform;

namespace Slipway.Pipeline.Building;

/// <summary>
/// Picks the base images once per run, for the app's PHP version: the official ones where the engine has them
/// (or can fetch them during the build), the offline ones made from Debian packages where only those exist.
/// </summary>
public sealed class BaseImageSelector(IImageBuilder engine)
{
    public Task<BaseImageSet> SelectAsync(BaseImageChoice choice, CancellationToken cancellationToken) =>
        SelectAsync(choice, "8.2", cancellationToken);

    /// <param name="choice">The --base-images parameter.</param>
    /// <param name="php">The app's PHP version (major.minor).</param>
    /// <param name="cancellationToken">Stops the look-up.</param>
    public async Task<BaseImageSet> SelectAsync(BaseImageChoice choice, string php, CancellationToken cancellationToken)
    {
        var local = BaseImageSet.LocalFor(php);
        var official = BaseImageSet.OfficialFor(php);
        var offlineReady = await AllExistAsync(local, cancellationToken);
        switch (choice)
        {
            case BaseImageChoice.Official:
                return official;
            case BaseImageChoice.Offline when !offlineReady:
                throw new BuildFailedException(
                    $"The offline base images for PHP {php} are missing: run scripts/make-base-images.sh --php {php} (as root) to make them.");
            case BaseImageChoice.Offline:
                return local;
        }

        if (await AllExistAsync(official, cancellationToken) || !offlineReady)
        {
            if (!offlineReady && php != "8.2" && await AllExistAsync(BaseImageSet.Local, cancellationToken))
            {
                // Offline images of another version suggest a machine that cannot pull: say what would help.
                Log.Warning(
                    $"PHP {php} has no offline base images here, so the build pulls {official.PhpApache}; without a registry, run scripts/make-base-images.sh --php {php} first.");
            }

            return official;
        }

        Log.Information($"Using the offline base images ({string.Join(", ", local.All)}): the official ones are not on this engine.");
        return local;
    }

    private async Task<bool> AllExistAsync(BaseImageSet set, CancellationToken cancellationToken)
    {
        foreach (var image in set.All)
        {
            if (!await engine.ExistsAsync(image, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }
}
