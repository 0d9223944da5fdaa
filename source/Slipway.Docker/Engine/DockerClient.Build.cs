using Docker.DotNet.Models;
using Slipway.Docker.Build;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>
    /// Builds an image with the classic builder from a streamed context and returns its id (sha256:...).
    /// Each line of build output goes to <paramref name="onOutput"/> as it arrives.
    /// </summary>
    /// <exception cref="DockerBuildException">The build failed; the message names the failing step and its last output lines.</exception>
    public async Task<string> BuildImageAsync(DockerBuildRequest request, Action<string>? onOutput, CancellationToken cancellationToken)
    {
        var parameters = new ImageBuildParameters
        {
            Dockerfile = request.Dockerfile,
            Tags = request.Tags.ToList(),
            BuildArgs = new Dictionary<string, string>(request.BuildArguments),
            Labels = new Dictionary<string, string>(request.Labels),
            Target = request.Target,
            Version = "1",
            Remove = true,
            ForceRemove = true,
            NoCache = request.NoCache ? true : null,
            Pull = request.Pull ? "1" : null,
        };

        var tracker = new BuildOutputTracker(onOutput);
        await using (var context = new BuildContextStream(request.Context, cancellationToken))
        {
            try
            {
                await CallAsync(client => client.Images.BuildImageFromDockerfileAsync(
                    parameters, context.Reader, authConfigs: null, headers: null, new MessageProgress(tracker.Accept), cancellationToken));
            }
            catch (DockerException exception) when (exception.StatusCode is not null)
            {
                throw new DockerBuildException(null, [], exception.Message);
            }
        }

        tracker.Complete();
        if (tracker.Error is not null)
        {
            throw tracker.Failure();
        }

        if (tracker.ImageId is { } imageId)
        {
            return imageId;
        }

        if (tracker.ShortImageId is { } shortId)
        {
            return (await InspectImageAsync(shortId, cancellationToken)).Id;
        }

        throw new DockerException("The Docker engine ended the build without naming the image it built; run the build again with the engine's log open to see why.");
    }

    /// <summary>Hands each progress message to the caller on the reading thread, in order (Progress&lt;T&gt; would post them).</summary>
    private sealed class MessageProgress(Action<JSONMessage> onMessage) : IProgress<JSONMessage>
    {
        public void Report(JSONMessage value) => onMessage(value);
    }
}
