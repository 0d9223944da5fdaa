using System.Text.Json;
using Slipway.Docker.Engine;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// examples/services-site: Redis beside the playground and the tests, and browser tests in headless Chromium
/// against the built site served inside the test task, one of them failing on purpose.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ServicesSiteTests(EndToEndFixture fixture)
{
    // Open defect: in the test task, headless Chromium on the run's internal network takes minutes to open a
    // session and then does not answer the element/text call, so the run outlasts BuildScript's limit. The
    // Redis playground part passes (seen in the run's output); reported to the lead as not done.
    [Fact(Skip = "Open defect: the browser session in the test task hangs on this machine; see the comment above and the branch report.")]
    public async Task PullRequest_ServesWhatRedisStored_ReportsBothBrowserTestsWithTheScreenshot_AndTeardownLeavesNothing()
    {
        var path = Path.Combine(fixture.WorkDirectory, "apps", "services-site");
        FolderCopy.Copy(RepositoryRoot.Combine("examples", "services-site"), path);
        await IsolatedGit.RunAsync(path, "init", "-q", "-b", "main");
        await IsolatedGit.RunAsync(path, "add", "-A");
        await IsolatedGit.RunAsync(path, "commit", "-q", "-m", "feat: a site with Redis and browser tests");
        var branch = fixture.NewBranch("e2e-services");
        await IsolatedGit.RunAsync(path, "branch", branch);

        var run = await fixture.BuildScript.RunAsync("PullRequest", "--app", path, "--branch", branch);

        // The planted browser failure makes the tests red: the run goes to its end, exit 3.
        run.ExitCode.Should().Be(3, run.ToString());
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.json"))))
        {
            var root = report.RootElement;
            root.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeFalse(run.ToString());
            root.GetProperty("tests").GetProperty("total").GetInt32().Should().Be(3, run.ToString());
            root.GetProperty("tests").GetProperty("failed").GetInt32().Should().Be(1);
            var failure = root.GetProperty("failures").EnumerateArray().Single();
            failure.GetProperty("name").GetString().Should().Be("testPlantedFailureExpectsAnotherHeading");
            failure.GetProperty("message").GetString().Should().Contain("The heading is 'Services site'")
                .And.Contain("/tmp/slipway-screenshots/testPlantedFailureExpectsAnotherHeading.png");
            root.GetProperty("notes").EnumerateArray().Select(note => note.GetProperty("text").GetString()).Should()
                .Contain("screenshot of a failing step: /tmp/slipway-screenshots/testPlantedFailureExpectsAnotherHeading.png");
        }

        var containers = await fixture.ContainersOfAsync(branch);
        containers.Select(container => (container.Labels.GetValueOrDefault(Ownership.KindLabel), container.Labels.GetValueOrDefault(Ownership.RoleLabel)))
            .Should().BeEquivalentTo([("playground", (string?)null), ("playground", "service")], "the test task's services went with it, and the playground has no browser");
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
