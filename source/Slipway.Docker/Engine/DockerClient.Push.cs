using System.Text.RegularExpressions;
using Docker.DotNet.Models;
using Slipway.Platform;

namespace Slipway.Docker.Engine;

public sealed partial class DockerClient
{
    private const string DockerHubAddress = "https://index.docker.io/v1/";

    /// <summary>
    /// How long a push may go without a word from the engine (a layer's progress, a retry) before it counts as
    /// stalled and is given up: the engine itself waits for a registry that stopped answering for ever.
    /// </summary>
    public TimeSpan PushSilenceLimit { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Pushes <paramref name="reference"/> (registry/repository:tag) and returns the manifest digest the registry
    /// stored (sha256:...). Without <paramref name="credentials"/>, those <c>docker login</c> stored for the
    /// registry are used, when there are any. Progress lines go to <paramref name="onOutput"/>: one per layer
    /// event, and byte counts as <see cref="TransferProgress"/> shapes them.
    /// </summary>
    /// <exception cref="DockerException">The engine or the registry refused the push, or nothing moved for <see cref="PushSilenceLimit"/>.</exception>
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
        using var silence = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        silence.CancelAfter(PushSilenceLimit);
        void Accept(JSONMessage message)
        {
            silence.CancelAfter(PushSilenceLimit);
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

        try
        {
            // Cancelling the call ends the engine's push too: the engine stops when its client goes.
            await CallAsync(client => client.Images.PushImageAsync(
                image.Name, new ImagePushParameters { Tag = image.Tag ?? "latest" }, auth, new MessageProgress(Accept), silence.Token));
        }
        catch (Exception exception) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested
            && exception is OperationCanceledException or DockerException)
        {
            throw new DockerException(
                $"Pushing {reference} stalled: the registry {image.Registry ?? "docker.io"} sent nothing for {Duration(PushSilenceLimit)}; check the registry and the network to it.",
                innerException: exception);
        }

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

    private static string Duration(TimeSpan span) =>
        span < TimeSpan.FromMinutes(2) ? $"{span.TotalSeconds:0} s" : $"{span.TotalMinutes:0} minutes";

    [GeneratedRegex(@"digest: (?<digest>sha256:[0-9a-f]{64})")]
    private static partial Regex DigestInStatus();
}
