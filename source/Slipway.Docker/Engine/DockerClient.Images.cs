using System.Text.Json;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    /// <summary>Gives <paramref name="sourceImage"/> (id or reference) the reference <paramref name="targetReference"/>.</summary>
    public async Task TagImageAsync(string sourceImage, string targetReference, CancellationToken cancellationToken)
    {
        var target = ImageReference.Parse(targetReference);
        var query = new QueryString().Add("repo", target.Name).Add("tag", target.Tag ?? "latest");
        await SendAndForgetAsync(HttpMethod.Post, $"/images/{EscapePath(sourceImage)}/tag", cancellationToken, query);
    }

    /// <summary>Describes an image.</summary>
    /// <exception cref="DockerException">No such image (<see cref="DockerException.IsNotFound"/>).</exception>
    public async Task<ImageDetails> InspectImageAsync(string image, CancellationToken cancellationToken)
    {
        var json = await SendForJsonAsync(HttpMethod.Get, $"/images/{EscapePath(image)}/json", cancellationToken);
        var config = json.Property("Config") ?? default;
        return new ImageDetails(
            json.String("Id") ?? image,
            json.Strings("RepoTags"),
            json.Strings("RepoDigests"),
            config.StringMap("Labels"),
            json.Int64("Size"));
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
    public async Task RemoveImageAsync(string image, bool force, bool noPrune, CancellationToken cancellationToken)
    {
        var query = new QueryString().Add("force", force).Add("noprune", noPrune);
        await SendAndForgetAsync(HttpMethod.Delete, $"/images/{EscapePath(image)}", cancellationToken, query);
    }

    /// <summary>Images carrying all of <paramref name="labels"/> (an empty value matches any value).</summary>
    /// <param name="includeIntermediate">Also list the intermediate images of builds.</param>
    public async Task<IReadOnlyList<ImageSummary>> ListImagesAsync(
        IReadOnlyDictionary<string, string>? labels,
        CancellationToken cancellationToken,
        bool includeIntermediate = false)
    {
        var query = new QueryString().Add("all", includeIntermediate).Add("filters", LabelFilter.ToFilters(labels));
        var json = await SendForJsonAsync(HttpMethod.Get, "/images/json", cancellationToken, query);
        return json.ValueKind != JsonValueKind.Array
            ? []
            : json.EnumerateArray()
                .Select(image => new ImageSummary(
                    image.String("Id") ?? string.Empty,
                    image.Strings("RepoTags"),
                    image.StringMap("Labels"),
                    image.Int64("Size")))
                .ToList();
    }
}
