using Slipway.Data.Servers;
using Slipway.Docker.Databases;
using Slipway.Docker.Engine;

namespace Slipway.Data.Tests.Fixtures;

/// <summary>
/// Slipway's own database server as the product runs it (a MariaDB container from the offline image, a named volume,
/// its own network), under names of this test run's own, removed with its volume, network and images at the end.
/// </summary>
public sealed class LocalServerFixture : IAsyncLifetime
{
    public const string TestLabel = "slipway:test";

    public string TestId { get; } = Guid.NewGuid().ToString("N")[..10];

    public DockerClient Docker { get; } = new(DockerEndpoint.FromEnvironment());

    public DatabaseContainerOptions Options => new()
    {
        Name = $"slipway-test-{TestId}-mariadb",
        Images = [DatabaseContainerOptions.OfflineImage],
        ExtraLabels = Labels,
    };

    public IReadOnlyDictionary<string, string> Labels => new Dictionary<string, string> { [TestLabel] = TestId };

    public DatabaseContainer Container => new(Docker, Options);

    /// <summary>A fresh view of the server, as a new Slipway process would have it.</summary>
    public OnDemandDatabaseServer NewServer() => new(
        async cancellationToken =>
        {
            var address = await Container.EnsureRunningAsync(cancellationToken);
            return new DatabaseEndpoint("127.0.0.1", address.HostPort, address.AdminUser, address.AdminPassword);
        },
        Options.Name,
        DatabaseContainerAddress.PortForTasks,
        TimeSpan.FromMinutes(5));

    public async Task InitializeAsync()
    {
        if (!await Docker.ImageExistsAsync(DatabaseContainerOptions.OfflineImage, CancellationToken.None))
        {
            throw new InvalidOperationException($"{DatabaseContainerOptions.OfflineImage} is missing: make it with `sudo scripts/make-base-images.sh --mariadb`.");
        }

        await NewServer().StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        foreach (var container in await Docker.ListContainersAsync(Labels, CancellationToken.None))
        {
            await Docker.RemoveContainerAsync(container.Id, force: true, removeVolumes: true, CancellationToken.None);
        }

        await Container.RemoveAsync(withData: true, CancellationToken.None);
        foreach (var image in await Docker.ListImagesAsync(Labels, CancellationToken.None))
        {
            await Docker.RemoveImageAsync(image.Id, force: true, noPrune: false, CancellationToken.None);
        }

        Docker.Dispose();
    }
}
