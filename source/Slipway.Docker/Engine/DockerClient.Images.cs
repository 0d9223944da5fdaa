using Docker.DotNet.Models;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Gives <paramref name="sourceImage"/> (id or reference) the reference <paramref name="targetReference"/>.</summary>
    public Task TagImageAsync(string sourceImage, string targetReference, CancellationToken cancellationToken)
    {
        var target = ImageReference.Parse(targetReference);
        var parameters = new ImageTagParameters { RepositoryName = target.Name, Tag = target.Tag ?? "latest" };
        return CallAsync(client => client.Images.TagImageAsync(sourceImage, parameters, cancellationToken));
    }

    /// <summary>Describes an image.</summary>
    /// <exception cref="DockerException">No such image (<see cref="DockerException.IsNotFound"/>).</exception>
    public async Task<ImageDetails> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        var details = await CallAsync(client => client.Images.InspectImageAsync(image, cancellationToken));
        return new ImageDetails(
            details.ID ?? image,
            Strings(details.RepoTags),
            Strings(details.RepoDigests),
            Labels(details.Config?.Labels),
            details.Size);
    }

    /// <summary>True when the engine holds <paramref name="image"/>.</summary>
    public async Task<bool> ImageExistsAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            await InspectImageAsync(image, cancellationToken);
            return true;
        }
        catch (DockerException exception) when (exception.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>Removes an image reference, or an image by id.</summary>
    /// <param name="force">Also remove an image with several tags or used by stopped containers.</param>
    /// <param name="noPrune">Keep untagged parent images.</param>
    public Task RemoveImageAsync(string image, bool force, bool noPrune, CancellationToken cancellationToken) =>
        CallAsync(client => client.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = force, NoPrune = noPrune }, cancellationToken));

    /// <summary>Images carrying all of <paramref name="labels"/> (an empty value matches any value).</summary>
    /// <param name="includeIntermediate">Also list the intermediate images of builds.</param>
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(
        IReadOnlyDictionary<string, string>? labels,
        CancellationToken cancellationToken,
        bool includeIntermediate = false)
    {
        var parameters = new ImagesListParameters { All = includeIntermediate, Filters = LabelFilters(labels) };
        var images = await CallAsync(client => client.Images.ListImagesAsync(parameters, cancellationToken));
        return images
            .Select(image => new ImageSummary(image.ID ?? string.Empty, Strings(image.RepoTags), Labels(image.Labels), image.Size))
            .ToList();
    }

    /// <summary>The engine's label filter: "key=value", or "key" alone for any value.</summary>
    private static Dictionary<string, IDictionary<string, bool>>? LabelFilters(IReadOnlyDictionary<string, string>? labels) =>
        labels is null || labels.Count == 0
            ? null
            : new Dictionary<string, IDictionary<string, bool>>
            {
                ["label"] = labels.ToDictionary(pair => string.IsNullOrEmpty(pair.Value) ? pair.Key : $"{pair.Key}={pair.Value}", _ => true),
            };

    private static IReadOnlyList<string> Strings(IEnumerable<string>? values) => values?.ToList() ?? [];

    private static IReadOnlyDictionary<string, string> Labels(IDictionary<string, string>? labels) =>
        labels is null ? new Dictionary<string, string>(StringComparer.Ordinal) : new Dictionary<string, string>(labels, StringComparer.Ordinal);
}
