using System.Net;
using System.Text.Json;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Status.Tests.Endpoints;
using Slipway.Platform;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>The main job as a user runs it: ./build.sh on the bundled example and on an app with planted failures.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class PullRequestTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task PullRequest_OnTheExample_PassesServesTheBranchAndReportsToSlackAndGitHub_ThenPlaygroundAgainAndTeardown()
    {
        const string slackToken = "xoxb-e2e-secret-slack-token";
        const string gitHubToken = "ghp_e2eSecretGitHubToken";
        await using var slack = new FakeSlackApi(slackToken);
        await using var gitHub = new FakeGitHubApi(gitHubToken, ["acme/shop-site"]);
        var app = await AppRepository.CreateAsync(
            Path.Combine(fixture.WorkDirectory, "apps", "shop-site"), "feat: the shop", exampleSite: true, withRemote: false);
        await IsolatedGit.RunAsync(app.Path, "remote", "add", "origin", "https://github.com/acme/shop-site.git");
        var commit = await IsolatedGit.RunAsync(app.Path, "rev-parse", "HEAD");
        var branch = fixture.NewBranch("e2e-example");
        await IsolatedGit.RunAsync(app.Path, "branch", branch);
        var secrets = new Dictionary<string, string>
        {
            ["SLACK_BOT_TOKEN"] = slackToken,
            ["SLACK_CHANNEL"] = FakeSlackApi.ChannelName,
            ["SLACK_API_URL"] = slack.ApiBaseUrl.ToString(),
            ["GITHUB_TOKEN"] = gitHubToken,
            ["GITHUB_API_URL"] = gitHub.ApiBaseUrl.ToString(),
        };

        var run = await fixture.BuildScript.RunAsync(["PullRequest", "--app", app.Path, "--branch", branch], secrets);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().NotContain(slackToken).And.NotContain(gitHubToken);
        using (var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.json"))))
        {
            var root = report.RootElement;
            root.GetProperty("tests").GetProperty("total").GetInt32().Should().BeGreaterThan(0);
            root.GetProperty("tests").GetProperty("failed").GetInt32().Should().Be(0);
            root.GetProperty("findings").GetArrayLength().Should().Be(0);
            root.GetProperty("hasInfrastructureFailure").GetBoolean().Should().BeFalse();
        }

        var page = await PageOfAsync(branch);
        page.Should().Contain($"data-field=\"branch\">{branch}<");
        var playgroundUrl = PlaygroundUrlIn(run);

        slack.Calls.Where(call => call.Method == "chat.postMessage").Should().ContainSingle("one Slack message per run");
        slack.Calls.Should().Contain(call => call.Method == "chat.update");
        var message = slack.Calls.Last(call => call.ThreadTs is null).AllText;
        message.Should().Contain(branch).And.Contain(playgroundUrl).And.Contain(commit[..7]);
        gitHub.LatestByContext(commit).ToDictionary(status => status.Key, status => status.Value.State).Should().BeEquivalentTo(
            new Dictionary<string, string>
            {
                ["slipway/build"] = "success",
                ["slipway/test"] = "success",
                ["slipway/analysis"] = "success",
                ["slipway/playground"] = "success",
            });
        gitHub.LatestByContext(commit)["slipway/playground"].TargetUrl.Should().Be(playgroundUrl);
        gitHub.Statuses.Should().Contain(status => status.Context == "slipway/test" && status.State == "pending",
            "every planned stage shows as pending from the start");

        var again = await fixture.BuildScript.RunAsync("Playground", "--app", app.Path, "--branch", branch);

        again.ExitCode.Should().Be(0, again.ToString());
        var containers = await fixture.ContainersOfAsync(branch);
        containers.Should().ContainSingle("a second Playground replaces the first")
            .Which.State.Should().Be("running");
        (await PageOfAsync(branch)).Should().Contain(branch);

        var teardown = await fixture.BuildScript.RunAsync("Teardown", "--app", app.Path, "--branch", branch);
        var twice = await fixture.BuildScript.RunAsync("Teardown", "--app", app.Path, "--branch", branch);

        teardown.ExitCode.Should().Be(0, teardown.ToString());
        twice.ExitCode.Should().Be(0, twice.ToString());
        twice.Output.Should().Contain("Nothing to tear down");
        (await fixture.ContainersOfAsync(branch)).Should().BeEmpty();
        (await fixture.ImagesOfAsync(branch)).Should().BeEmpty();
    }

    [Fact]
    public async Task PullRequest_OnAnAppWithPlantedFailures_ExitsWithThreeAndReportsExactlyThemWithFileAndLine()
    {
        var branch = fixture.NewBranch("e2e-failing");

        var run = await fixture.BuildScript.RunAsync("PullRequest", "--app", "tests/fixtures/failing-app", "--branch", branch);

        run.ExitCode.Should().Be(3, $"the run goes on but its checks are red: {run}");
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

    private static string PlaygroundUrlIn(BuildScriptResult run) =>
        System.Text.RegularExpressions.Regex.Match(run.Output, @"ready at (?<url>http://\S+)").Groups["url"].Value;

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
