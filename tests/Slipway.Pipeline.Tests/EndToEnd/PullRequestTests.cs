using System.Net;
using System.Text.Json;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>The main job as a user runs it: ./build.sh on the bundled example and on an app with planted failures.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PullRequestTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task PullRequest_OnTheExample_PassesServesTheBranch_PlaygroundAgainKeepsOneContainer_TeardownLeavesNothing()
    {
        var branch = fixture.NewBranch("e2e-example");

        var run = await fixture.BuildScript.RunAsync("PullRequest", "--branch", branch);

        run.ExitCode.Should().Be(0, run.ToString());
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.json"))))
        {
            var root = report.RootElement;
            root.GetProperty("tests").GetProperty("total").GetInt32().Should().BeGreaterThan(0);
            root.GetProperty("tests").GetProperty("failed").GetInt32().Should().Be(0);
            root.GetProperty("findings").GetArrayLength().Should().Be(0);
            root.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeFalse();
        }

        (await PageOfAsync(branch)).Should().Contain($"data-field=\"branch\">{branch}<");

        var again = await fixture.BuildScript.RunAsync("Playground", "--branch", branch);

        again.ExitCode.Should().Be(0, again.ToString());
        var containers = await fixture.ContainersOfAsync(branch);
        containers.Should().ContainSingle("a second Playground replaces the first")
            .Which.State.Should().Be("running");
        (await PageOfAsync(branch)).Should().Contain(branch);

        var teardown = await fixture.BuildScript.RunAsync("Teardown", "--branch", branch);
        var twice = await fixture.BuildScript.RunAsync("Teardown", "--branch", branch);

        teardown.ExitCode.Should().Be(0, teardown.ToString());
        twice.ExitCode.Should().Be(0, twice.ToString());
        twice.Output.Should().Contain("Nothing to tear down");
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
        (await fixture.ImagesOfAsync(branch)).Should().BeEmpty();
    }

    [Fact]
    public async Task PullRequest_OnAnAppWithPlantedFailures_ExitsZeroAndReportsExactlyThemWithFileAndLine()
    {
        var branch = fixture.NewBranch("e2e-failing");

        var run = await fixture.BuildScript.RunAsync("PullRequest", "--app", "tests/fixtures/failing-app", "--branch", branch);

        run.ExitCode.Should().Be(0, run.ToString());
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.json")));
        var root = report.RootElement;
        root.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeFalse();
        root.GetProperty("tests").GetProperty("total").GetInt32().Should().Be(3);
        var failures = root.GetProperty("failures").EnumerateArray().ToList();
        failures.Should().ContainSingle();
        failures[0].GetProperty("name").GetString().Should().Be("testAddIsPlantedToFail");
        failures[0].GetProperty("location").GetString().Should().Be("tests/CalculatorTest.php:24");
        root.GetProperty("findings").EnumerateArray()
            .Select(finding => $"{finding.GetProperty("tool").GetString()} {finding.GetProperty("location").GetString()}")
            .Should().BeEquivalentTo("phplint lib/legacy.php:10", "phpcs src/Calculator.php:10");
        run.Output.Should().Contain("testAddIsPlantedToFail");

        (await fixture.BuildScript.RunAsync("Teardown", "--branch", branch, "--app", "tests/fixtures/failing-app")).ExitCode.Should().Be(0);
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
    }

    private async Task<string> PageOfAsync(string branch)
    {
        var container = (await fixture.ContainersOfAsync(branch)).Single(c => c.Labels.GetValueOrDefault(Ownership.KindLabel) == "playground");
        var port = (await fixture.Docker.InspectContainerAsync(container.Id, CancellationToken.None)).HostPort(80)
            ?? throw new InvalidOperationException("The playground publishes no port.");
        using var client = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/");
        request.Headers.Host = $"{container.Labels["slipway:slug"]}.localhost:{port}";
        using var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
