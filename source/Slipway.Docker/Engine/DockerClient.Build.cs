using System.Text.Json.Nodes;

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
        var query = new QueryString()
            .Add("dockerfile", request.Dockerfile)
            .Add("version", "1")
            .Add("rm", true)
            .Add("forcerm", true)
            .Add("target", request.Target);
        foreach (var tag in request.Tags)
        {
            query.Add("t", tag);
        }

        if (request.BuildArguments.Count > 0)
        {
            query.Add("buildargs", ToJsonObject(request.BuildArguments).ToJsonString());
        }

        if (request.Labels.Count > 0)
        {
            query.Add("labels", ToJsonObject(request.Labels).ToJsonString());
        }

        if (request.NoCache)
        {
            query.Add("nocache", true);
        }

        if (request.Pull)
        {
            query.Add("pull", true);
        }

        HttpResponseMessage response;
        try
        {
            response = await SendAsync(HttpMethod.Post, "/build", cancellationToken, query, new BuildContextContent(request.Context));
        }
        catch (DockerException exception) when (exception.StatusCode is not null)
        {
            throw new DockerBuildException(null, [], exception.Message);
        }

        var tracker = new BuildOutputTracker(onOutput);
        using (response)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var message in JsonMessageStream.ReadAsync(stream, cancellationToken))
            {
                tracker.Accept(message);
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

    internal static JsonObject ToJsonObject(IReadOnlyDictionary<string, string> values)
    {
        var json = new JsonObject();
        foreach (var (key, value) in values)
        {
            json[key] = value;
        }

        return json;
    }
}
