using System.Xml.Linq;
using Slipway.Docker.Engine;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// examples/services-site: Redis beside the playground, found by the app at REDIS_HOST/REDIS_PORT on the run's own
/// network, and gone with the playground at teardown; headless Chromium beside the test task, driven by the site's
/// own WebDriver client against the built site served inside the task.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServicesSiteTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Test_RunsTheBrowserTestsInChromium_ReportingThePlantedFailureWithItsScreenshot()
    {
        var (path, branch) = await CommitSiteAsync("e2e-browser");

        var run = await fixture.BuildScript.RunAsync("Test", "--app", path, "--branch", branch);

        run.ExitCode.Should().Be(1, "the planted browser failure makes the test stage red: {0}", run);
        run.Output.Should().Contain("test   failed - 1 of 3 tests failed, first HomePageTest::testPlantedFailureExpectsAnotherHeading");
        var runFolder = EndToEndFixture.RunFolderIn(run);
        var outcomes = XDocument.Load(Path.Combine(runFolder, "junit.xml")).Descendants("testcase").ToDictionary(
            testcase => (string)testcase.Attribute("name")!,
            testcase => testcase.Element("failure") is not null || testcase.Element("error") is not null ? "failed" : "passed");
        outcomes.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["testTheHomePageShowsItsHeading"] = "passed",
            ["testTheHomePageShowsWhatRedisStored"] = "passed",
            ["testPlantedFailureExpectsAnotherHeading"] = "failed",
        });
        var screenshot = Path.Combine(runFolder, "screenshots", "testPlantedFailureExpectsAnotherHeading.png");
        File.Exists(screenshot).Should().BeTrue("the failing step's screenshot is copied into the run's report folder");
        (await File.ReadAllBytesAsync(screenshot)).Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        (await File.ReadAllTextAsync(Path.Combine(runFolder, "report.md")))
            .Should().Contain("The heading is 'Services site', not 'Another site'")
            .And.Contain("](screenshots/testPlantedFailureExpectsAnotherHeading.png)");
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty("the browser and Redis go with the test task");
        (await fixture.Docker.ListNetworksAsync(new Dictionary<string, string> { [Ownership.BranchLabel] = branch }, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task Playground_ServesWhatRedisBesideItStored_AndTeardownLeavesNoContainerOrNetwork()
    {
        var (path, branch) = await CommitSiteAsync("e2e-services");

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

    private async Task<(string Path, string Branch)> CommitSiteAsync(string branchPrefix)
    {
        var branch = fixture.NewBranch(branchPrefix);
        var path = Path.Combine(fixture.WorkDirectory, "apps", branch, "services-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "services-site"), path);
        await IsolatedGit.RunAsync(path, "init", "-q", "-b", "main");
        await IsolatedGit.RunAsync(path, "add", "-A");
        await IsolatedGit.RunAsync(path, "commit", "-q", "-m", "feat: a site with Redis and browser tests");
        await IsolatedGit.RunAsync(path, "branch", branch);
        return (path, branch);
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
