namespace Slipway.Aws.Tests.Fixtures;

/// <summary>
/// A registry v2 (Debian's docker-registry) on a free loopback port, standing in for the ECR host that
/// moto does not have, and a tiny local image to push to it.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "slipway-aws-registry-" + Guid.NewGuid().ToString("N")[..8]);
    private LocalRegistry? registry;

    /// <summary>host:port of the registry.</summary>
    public string Host { get; private set; } = "";

    /// <summary>A tiny image in the local engine, built for these tests.</summary>
    public string LocalImage { get; } = $"slipway-aws-tests/tiny:{Guid.NewGuid().ToString("N")[..8]}";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        registry = await LocalRegistry.StartAsync();
        Host = registry.Host;

        // One small file is image enough: the tests push it, they never run it.
        var content = Path.Combine(folder, "image");
        Directory.CreateDirectory(content);
        await File.WriteAllTextAsync(Path.Combine(content, "hello.txt"), "slipway aws tests\n");
        var archive = Path.Combine(folder, "image.tar");
        await CommandLine.RunAsync("tar", "-C", content, "-cf", archive, ".");
        await CommandLine.RunAsync("docker", "import", archive, LocalImage);
    }

    public async Task DisposeAsync()
    {
        try
        {
            await CommandLine.RunAsync("docker", "rmi", "--force", LocalImage);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        if (registry is not null)
        {
            await registry.DisposeAsync();
        }

        Directory.Delete(folder, recursive: true);
    }
}
