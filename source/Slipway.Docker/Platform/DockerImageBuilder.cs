using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>Builds images on the local engine from a context streamed from its parts, nothing copied first.</summary>
public sealed class DockerImageBuilder(DockerClient client) : IImageBuilder
{
    public Task<string> BuildAsync(ImageBuildRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        var context = new BuildContext();
        foreach (var folder in request.Folders)
        {
            context.AddFolder(folder.HostPath, folder.ContextPath, ExcludePatterns.AnyDepth(folder.Exclude ?? []));
        }

        foreach (var (path, text) in request.Files)
        {
            context.AddFile(path, text);
        }

        var build = new DockerBuildRequest(context)
        {
            Dockerfile = request.Dockerfile,
            Tags = request.Tags,
            BuildArguments = request.BuildArguments ?? new Dictionary<string, string>(),
            Labels = request.Labels ?? new Dictionary<string, string>(),
        };
        return client.BuildImageAsync(build, progress, cancellationToken);
    }

    public Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken) =>
        client.ImageExistsAsync(reference, cancellationToken);
}
