using Slipway.Docker.Engine;

namespace Slipway.Docker.Platform;

/// <summary>
/// Force-removes a set of images, children before parents: an image another listed image was built on is
/// refused until that one is gone, so refused images are tried again while each round removes something.
/// </summary>
internal sealed class ImageRemoval(DockerClient client)
{
    /// <summary>Removes the images and returns one message per image that could not be removed.</summary>
    public async Task<IReadOnlyList<string>> RemoveAllAsync(IReadOnlyList<string> imageIds, CancellationToken cancellationToken)
    {
        var pending = imageIds.Distinct(StringComparer.Ordinal).ToList();
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        var failures = new List<string>();
        while (pending.Count > 0)
        {
            var refused = new List<string>();
            foreach (var imageId in pending)
            {
                try
                {
                    await client.RemoveImageAsync(imageId, force: true, noPrune: false, cancellationToken);
                }
                catch (DockerException exception) when (exception.IsNotFound)
                {
                    // Already gone, or pruned with a child removed before it.
                }
                catch (DockerException exception) when (exception.IsConflict)
                {
                    refused.Add(imageId);
                    refusals[imageId] = exception.Message;
                }
                catch (DockerException exception)
                {
                    failures.Add(exception.Message);
                }
            }

            if (refused.Count == pending.Count)
            {
                failures.AddRange(refused.Select(imageId => refusals[imageId]));
                break;
            }

            pending = refused;
        }

        return failures;
    }
}
