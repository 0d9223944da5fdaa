using Slipway.Docker.Engine;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// examples/services-site: Redis beside the playground, found by the app at REDIS_HOST/REDIS_PORT on the run's own
/// network, and gone with the playground at teardown. (Its browser tests are not run here: the browser session in
/// the test task does not answer yet, see docs/services.md.)
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServicesSiteTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Playground_ServesWhatRedisBesideItStored_AndTeardownLeavesNoContainerOrNetwork()
    {
        var path = Path.Combine(fixture.WorkDirectory, "apps", "services-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "services-site"), path);
        await IsolatedGit.RunAsync(path, "init", "-q", "-b", "main");
        await IsolatedGit.RunAsync(path, "add", "-A");
        await IsolatedGit.RunAsync(path, "commit", "-q", "-m", "feat: a site with Redis");
        var branch = fixture.NewBranch("e2e-services");
        await IsolatedGit.RunAsync(path, "branch", branch);

        var run = await fixture.BuildScript.RunAsync("Playground", "--app", path, "--branch", branch);

        run.ExitCode.Should().Be(0, run.ToString());
        var containers = await fixture.ContainersOfAsync(branch);
        containers.Select(container => (container.Labels.GetValueOrDefault(Ownership.KindLabel), container.Labels.GetValueOrDefault(Ownership.RoleLabel)))
            .Should().BeEquivalentTo([("playground", (string?)null), ("playground", "service")], "the playground and its Redis, and no browser");
        (await PlaygroundPageAsync(containers)).Should().Contain("Redis says: stored in Redis");

        (await fixture.BuildScript.RunAsync("Teardown", "--app", path, "--branch", branch)).ExitCode.Should().Be(0);
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
        (await fixture.Docker.ListNetworksAsync(new Dictionary<string, string> { [Ownership.BranchLabel] = branch }, CancellationToken.None)).Should().BeEmpty();
    }

    private async Task<string> PlaygroundPageAsync(IReadOnlyList<ContainerSummary> containers)
    {
        var playground = containers.Single(container => !container.Labels.ContainsKey(Ownership.RoleLabel));
        var port = (await fixture.Docker.InspectContainerAsync(playground.Id, CancellationToken.None)).HostPort(80)
            ?? throw new InvalidOperationException("The playground publishes no port.");
        using var client = new HttpClient();
        return await client.GetStringAsync($"http://127.0.0.1:{port}/");
    }
}
