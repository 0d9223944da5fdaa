using Slipway.Engine;
using Slipway.Platform;

namespace Slipway.Pipeline.Building;

/// <summary>
/// Picks the base images once per run: the official ones where the engine has them (or can fetch them
/// during the build), the offline ones made from Debian packages where only those exist.
/// </summary>
public sealed class BaseImageSelector(IImageBuilder engine)
{
    public async Task<BaseImageSet> SelectAsync(BaseImageChoice choice, CancellationToken cancellationToken)
    {
        var offlineReady = await AllExistAsync(BaseImageSet.Local, cancellationToken);
        switch (choice)
        {
            case BaseImageChoice.Official:
                return BaseImageSet.Official;
            case BaseImageChoice.Offline when !offlineReady:
                throw new BuildFailedException(
                    "The offline base images are missing: run scripts/make-base-images.sh (as root) to make them.");
            case BaseImageChoice.Offline:
                return BaseImageSet.Local;
        }

        if (await AllExistAsync(BaseImageSet.Official, cancellationToken) || !offlineReady)
        {
            return BaseImageSet.Official;
        }

        Log.Information(
            $"Using the offline base images ({string.Join(", ", BaseImageSet.Local.All)}): the official ones are not on this engine.");
        return BaseImageSet.Local;
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
