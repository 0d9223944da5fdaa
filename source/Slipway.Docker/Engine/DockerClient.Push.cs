using System.Text.RegularExpressions;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    private const string DockerHubAddress = "https://index.docker.io/v1/";

    /// <summary>
    /// Pushes <paramref name="reference"/> (registry/repository:tag) and returns the manifest digest the registry
    /// stored (sha256:...). Without <paramref name="credentials"/>, those <c>docker login</c> stored for the
    /// registry are used, when there are any. Progress lines go to <paramref name="onOutput"/>.
    /// </summary>
    /// <exception cref="DockerException">The engine or the registry refused the push.</exception>
    public async Task<string> PushImageAsync(
        string reference,
        RegistryCredentials? credentials,
        Action<string>? onOutput,
        CancellationToken cancellationToken)
    {
        var image = ImageReference.Parse(reference);
        credentials ??= DockerConfig.FindCredentials(image.Registry ?? DockerHubAddress);
        var headers = new Dictionary<string, string> { [RegistryAuthHeader.Name] = RegistryAuthHeader.Encode(credentials) };
        var query = new QueryString().Add("tag", image.Tag ?? "latest");

        string? digest = null;
        using (var response = await SendAsync(HttpMethod.Post, $"/images/{EscapePath(image.Name)}/push", cancellationToken, query, headers: headers))
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            await foreach (var message in JsonMessageStream.ReadAsync(stream, cancellationToken))
            {
                if (JsonMessageStream.Error(message) is { } error)
                {
                    throw new DockerException(PushFailure(reference, error));
                }

                if (message.Property("aux") is { } aux && aux.String("Digest") is { } auxDigest)
                {
                    digest = auxDigest;
                }

                if (message.String("status") is { } status && status != "Pushing")
                {
                    digest ??= DigestInStatus().Match(status) is { Success: true } match ? match.Groups["digest"].Value : null;
                    onOutput?.Invoke(message.String("id") is { } id ? $"{id}: {status}" : status);
                }
            }
        }

        return digest ?? throw new DockerException(
            $"The Docker engine finished pushing {reference} without reporting its digest; check the registry's log.");
    }

    private static string PushFailure(string reference, string error)
    {
        var reason = EngineMessage.Tidy(error);
        var credentialsProblem = reason.Contains("unauthorized", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("authentication required", StringComparison.OrdinalIgnoreCase)
            || reason.Contains("denied", StringComparison.OrdinalIgnoreCase);
        return credentialsProblem
            ? $"Pushing {reference} failed ({reason}): check the registry credentials."
            : $"Pushing {reference} failed: {reason}";
    }

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex DigestInStatus();
}
