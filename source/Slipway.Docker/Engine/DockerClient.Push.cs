using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    private const string DockerHubAddress = "https://index.docker.io/v1/";

    /// <summary>
    /// Pushes <paramref name="reference"/> (registry/repository:tag) and returns the manifest digest the registry
    /// stored (sha256:...). Without <paramref name="credentials"/>, those <c>docker login</c> stored for the
    /// registry are used, when there are any. Progress lines go to <paramref name="onOutput"/>: one per layer
    /// event, and byte counts as <see cref="TransferProgress"/> shapes them.
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
        var auth = credentials is null
            ? new AuthConfig()
            : new AuthConfig { Username = credentials.Username, Password = credentials.Password, ServerAddress = credentials.ServerAddress };

        string? digest = null;
        string? error = null;
        var transfer = new TransferProgress("Pushing", onOutput);
        void Accept(JSONMessage message)
        {
            if (message.Error?.Message is { Length: > 0 } failure)
            {
                error ??= failure;
                return;
            }

            digest = BuildOutputTracker.AuxString(message, "Digest") ?? digest;
            if (message.Status is { } status)
            {
                digest ??= DigestInStatus().Match(status) is { Success: true } match ? match.Groups["digest"].Value : null;
                transfer.Accept(message);
            }
        }

        await CallAsync(client => client.Images.PushImageAsync(
            image.Name, new ImagePushParameters { Tag = image.Tag ?? "latest" }, auth, new MessageProgress(Accept), cancellationToken));
        transfer.Complete();

        if (error is not null)
        {
            throw new DockerException(PushFailure(reference, error));
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
