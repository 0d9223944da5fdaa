using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Pulls an image (repository:tag) from its registry, anonymously.</summary>
    /// <exception cref="DockerException">The registry cannot be reached or has no such image.</exception>
    public async Task PullImageAsync(string image, CancellationToken cancellationToken)
    {
        var reference = ImageReference.Parse(image);
        string? failure = null;
        // The engine reports a failed pull inside the stream, not as an error status.
        var progress = new Progress<JSONMessage>(message => failure ??= message.Error?.Message is { Length: > 0 } error ? error : null);
        await CallAsync(client => client.Images.CreateImageAsync(
            new ImagesCreateParameters { FromImage = reference.Name, Tag = reference.Tag ?? "latest" }, new AuthConfig(), progress, cancellationToken));
        if (failure is not null || !await ImageExistsAsync(image, cancellationToken))
        {
            throw new DockerException($"The Docker engine could not pull {image}: {EngineMessage.Tidy(failure ?? "no image arrived")}");
        }
    }
}
