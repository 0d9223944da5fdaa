using Slipway.Docker.Build;
using Slipway.Docker.Engine;
using Slipway.Platform;

namespace Slipway.Docker.Platform;

/// <summary>
/// Builds images on the local engine from a context streamed from its parts, nothing copied first. With an
/// installation id, every image it builds carries it (<see cref="Ownership.InstallationLabel"/>).
/// </summary>
public sealed class DockerImageBuilder(DockerClient client, string? installation = null) : IImageBuilder
{
    public Task<string> BuildAsync(ImageBuildRequest request, Action<string>? progress, CancellationToken cancellationToken)
    {
        var context = new BuildContext();
        foreach (var folder in request.Folders)
        {
            context.AddFolder(folder.HostPath, folder.ContextPath, ExcludesOf(folder));
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
            Labels = WithInstallation(request.Labels),
        };
        return client.BuildImageAsync(build, progress, cancellationToken);
    }

    private IReadOnlyDictionary<string, string> WithInstallation(IReadOnlyDictionary<string, string>? labels)
    {
        var all = new Dictionary<string, string>(labels ?? new Dictionary<string, string>());
        if (installation is not null)
        {
            all[Ownership.InstallationLabel] = installation;
        }

        return all;
    }

    /// <summary>A name with a leading slash is excluded at the folder's top only; any other name at any depth.</summary>
    private static ExcludePatterns ExcludesOf(ContextFolder folder)
    {
        var names = folder.Exclude ?? [];
        var anchored = ExcludePatterns.Parse(names.Where(name => name.StartsWith('/')).Select(name => name.TrimStart('/')));
        return anchored.Concat(ExcludePatterns.AnyDepth(names.Where(name => !name.StartsWith('/'))));
    }

    public Task<bool> ExistsAsync(string reference, CancellationToken cancellationToken) =>
        client.ImageExistsAsync(reference, cancellationToken);
}
