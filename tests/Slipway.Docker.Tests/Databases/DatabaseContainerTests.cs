using Slipway.Docker.Databases;
using Slipway.Docker.Engine;
using Slipway.Docker.Tests.Fixtures;

namespace Slipway.Docker.Tests.Databases;

[Collection(DockerCollection.Name)]
public sealed class DatabaseContainerTests(DockerFixture docker)
{
    [Fact]
    public async Task EnsureRunningAsync_NoMariaDbImageAnywhere_SaysHowToMakeOneAndLeavesNothing()
    {
        var options = new DatabaseContainerOptions
        {
            Name = $"slipway-test-{docker.TestId[..10]}-noimage",
            // Not on this engine, and its registry (a closed loopback port) cannot be reached.
            Images = ["127.0.0.1:1/slipway-test/no-such-mariadb:1"],
            ExtraLabels = docker.TestLabels,
        };

        var ensure = () => new DatabaseContainer(docker.Client, options).EnsureRunningAsync(CancellationToken.None);

        (await ensure.Should().ThrowAsync<DockerException>())
            .WithMessage("No MariaDB image for Slipway's database server: make the offline one with `sudo scripts/make-base-images.sh --mariadb`, or give the server with --database-host*");
        (await docker.Client.FindNetworkAsync(options.Network, CancellationToken.None)).Should().BeNull();
        (await docker.Client.InspectVolumeAsync(options.Volume, CancellationToken.None)).Should().BeNull();
        (await docker.Client.ListContainersAsync(docker.TestLabels, CancellationToken.None)).Should().NotContain(container => container.Names.Contains(options.Name));
    }

    [Fact]
    public async Task EnsureRunningAsync_AContainerOfThatNameThatSlipwayDidNotMake_IsLeftAloneWithASentence()
    {
        var name = $"slipway-test-{docker.TestId[..10]}-foreign";
        await docker.CreateContainerAsync(["true"], request => request with { Name = name });

        var ensure = () => new DatabaseContainer(docker.Client, new DatabaseContainerOptions { Name = name, ExtraLabels = docker.TestLabels }).EnsureRunningAsync(CancellationToken.None);

        (await ensure.Should().ThrowAsync<DockerException>()).WithMessage($"A container named {name} exists that Slipway did not make: rename or remove it*");
        (await docker.Client.InspectContainerAsync(name, CancellationToken.None)).State.Status.Should().Be("created");
    }
}
