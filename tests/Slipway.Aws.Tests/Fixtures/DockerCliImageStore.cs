using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Slipway.Platform;

namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// A test double of the engine's image store that shells out to the docker CLI, and remembers the
/// registry credentials it was handed (the local registry needs none, so they are not used).
/// </summary>
internal sealed partial class DockerCliImageStore : IImageStore, IAsyncDisposable
{
    private readonly ConcurrentBag<string> tagged = [];

    public ConcurrentBag<RegistryCredentials?> CredentialsReceived { get; } = [];

    public async Task TagAsync(string sourceImage, string targetReference, CancellationToken cancellationToken)
    {
        await CommandLine.RunAsync("docker", "tag", sourceImage, targetReference);
        tagged.Add(targetReference);
    }

    public async Task<string> PushAsync(string reference, RegistryCredentials? credentials, CancellationToken cancellationToken)
    {
        CredentialsReceived.Add(credentials);
        var output = await CommandLine.RunAsync("docker", "push", reference);
        return DigestPattern().Match(output) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException($"docker push printed no digest: {output}");
    }

    public Task RemoveAsync(string reference, CancellationToken cancellationToken) => CommandLine.RunAsync("docker", "rmi", reference);

    public async ValueTask DisposeAsync()
    {
        foreach (var reference in tagged.Distinct())
        {
            try
            {
                await CommandLine.RunAsync("docker", "rmi", reference);
            }
            catch (InvalidOperationException)
            {
                // Already removed by the test.
            }
        }
    }

    [GeneratedRegex("sha256:[0-9a-f]{64}")]
    private static partial Regex DigestPattern();
}
