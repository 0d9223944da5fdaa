using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Status.Tests.Endpoints;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// A team that makes slipway/test a required check: a PullRequest of an app with planted failing tests, started
/// with ./build.sh and by a webhook to ./build.sh Serve, GitHub and Slack pointed at endpoints built from their
/// API docs (GITHUB_API_URL, SLACK_API_URL).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class RedCheckTests(EndToEndFixture fixture)
{
    private const string SlackToken = "xoxb-e2e-red-check-slack-token";
    private const string GitHubToken = "ghp_e2eRedCheckGitHubToken";
    private const string WebhookSecret = "e2e-red-check-webhook-secret";
    private static readonly string[] Stages = ["build", "test", "analysis", "playground"];
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task PullRequest_WithFailingTests_PostsARedTestCheckAndAGreenPlayground_InOrder_AndExitsWithThree()
    {
        await using var slack = new FakeSlackApi(SlackToken);
        await using var gitHub = new FakeGitHubApi(GitHubToken, ["acme/failing-app"]);
        var (app, commit, branch) = await CreateFailingAppAsync("failing-app");

        var run = await fixture.BuildScript.RunAsync(["PullRequest", "--app", app, "--branch", branch], Environment(slack, gitHub));

        run.ExitCode.Should().Be(3, $"failing tests are a red check, not a broken run: {run}");
        run.Output.Should().MatchRegex(@"Test\s+CheckFailed\s+\S+\s+2 passed, 1 failed");
        run.Output.Should().Contain("Build ran to its end with failed checks (exit code 3)");
        run.Output.Should().NotContain(SlackToken).And.NotContain(GitHubToken);
        var playgroundUrl = Regex.Match(run.Output, @"ready at (?<url>http://\S+)").Groups["url"].Value;
        ShouldShowARedTestAndAGreenPlaygroundInOrder(gitHub, slack, commit);
        gitHub.LatestByContext(commit)["slipway/playground"].TargetUrl.Should().Be(playgroundUrl);

        (await fixture.BuildScript.RunAsync("Teardown", "--app", app, "--branch", branch)).ExitCode.Should().Be(0);
    }

    [Fact]
    public async Task Serve_AWebhookStartedPullRequestWithFailingTests_PostsTheSameStatusesAndEndsFailedWithThree()
    {
        await using var slack = new FakeSlackApi(SlackToken);
        await using var gitHub = new FakeGitHubApi(GitHubToken, ["acme/failing-app"]);
        var (app, commit, branch) = await CreateFailingAppAsync("failing-app-served");
        var port = LoopbackHttpServer.ClosedPortUrl().Port;
        var environment = new Dictionary<string, string>(Environment(slack, gitHub)) { ["GITHUB_WEBHOOK_SECRET"] = WebhookSecret };

        using var service = fixture.BuildScript.Start(
            ["Serve", "--listen", $"127.0.0.1:{port}", "--service-apps", $"acme/failing-app={app}"], environment, out var output);
        var lines = new OutputLines(service, output);
        try
        {
            await lines.WaitForAsync(line => line.Contains("Slipway service at", StringComparison.Ordinal), RunLimit);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var response = await http.SendAsync(SignedPullRequestOpened(branch, commit));
            var answer = await response.Content.ReadAsStringAsync();
            response.StatusCode.Should().Be(HttpStatusCode.Accepted, answer);
            var runId = JsonDocument.Parse(answer).RootElement.GetProperty("runId").GetString()!;

            var ended = await lines.WaitForAsync(line => line.Contains($"Run {runId} (PullRequest of {branch})", StringComparison.Ordinal), RunLimit);

            ended.Should().EndWith("failed.", "failing tests make the service's run failed");
            using var details = JsonDocument.Parse(await http.GetStringAsync($"api/runs/{runId}"));
            var queued = details.RootElement.GetProperty("run");
            queued.GetProperty("exitCode").GetInt32().Should().Be(3);
            queued.GetProperty("summary").GetString().Should().StartWith("test failed (2 passed, 1 failed)");
            ShouldShowARedTestAndAGreenPlaygroundInOrder(gitHub, slack, commit);
            lines.ToString().Should().NotContain(SlackToken).And.NotContain(GitHubToken).And.NotContain(WebhookSecret);
        }
        finally
        {
            service.Kill(entireProcessTree: true);
            await service.WaitForExitAsync();
        }

        (await fixture.BuildScript.RunAsync("Teardown", "--app", app, "--branch", branch)).ExitCode.Should().Be(0);
    }

    /// <summary>What a required check and the Slack channel must show at the end, and on the way there.</summary>
    private static void ShouldShowARedTestAndAGreenPlaygroundInOrder(FakeGitHubApi gitHub, FakeSlackApi slack, string commit)
    {
        var latest = gitHub.LatestByContext(commit);
        latest.ToDictionary(status => status.Key, status => status.Value.State).Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["slipway/build"] = "success",
            ["slipway/test"] = "failure",
            ["slipway/analysis"] = "failure",
            ["slipway/playground"] = "success",
        });
        latest["slipway/test"].Description.Should().Be("2 passed, 1 failed");
        latest["slipway/analysis"].Description.Should().StartWith("1 syntax error;", "php -l rejects lib/legacy.php");
        latest["slipway/playground"].TargetUrl.Should().StartWith("http://");
        foreach (var context in Stages.Select(stage => $"slipway/{stage}"))
        {
            gitHub.Statuses.Where(status => status.Context == context).Select(GitHubRank)
                .Should().BeInAscendingOrder($"{context} must never move from a later state to an earlier one");
        }

        var messages = slack.Calls.Where(call => call.ThreadTs is null).ToList();
        messages.Where(call => call.Method == "chat.postMessage").Should().ContainSingle("one Slack message per run");
        foreach (var stage in Stages)
        {
            messages.Select(call => SlackRank(call.AllText, stage))
                .Should().BeInAscendingOrder($"Slack's {stage} line must never move from a later state to an earlier one");
        }

        var final = messages[^1].AllText;
        final.Should().MatchRegex(@":x: failing-app\S* · PullRequest: test and analysis failed", "the header names the red stages");
        final.Should().Contain(":x: *test* failed · 2 passed, 1 failed");
        final.Should().Contain(":white_check_mark: *playground* succeeded");
        slack.Calls.Should().ContainSingle(call => call.ThreadTs != null)
            .Which.AllText.Should().Contain("testAddIsPlantedToFail").And.Contain("tests/CalculatorTest.php:24");
    }

    /// <summary>A git copy of tests/fixtures/failing-app whose origin is github.com/acme/failing-app, on a branch of its own.</summary>
    private async Task<(string Path, string Commit, string Branch)> CreateFailingAppAsync(string name)
    {
        var app = await AppRepository.CreateAsync(Path.Combine(fixture.WorkDirectory, "apps", name), "docs: readme", withRemote: false);
        File.Delete(Path.Combine(app.Path, "README.md"));
        FolderCopy.Copy(RepositoryRoot.Combine("tests", "fixtures", "failing-app"), app.Path);
        var commit = await app.CommitAsync("test: planted failures");
        await IsolatedGit.RunAsync(app.Path, "remote", "add", "origin", "https://github.com/acme/failing-app.git");
        var branch = fixture.NewBranch("e2e-red");
        await IsolatedGit.RunAsync(app.Path, "branch", branch);
        return (app.Path, commit, branch);
    }

    private static Dictionary<string, string> Environment(FakeSlackApi slack, FakeGitHubApi gitHub) => new()
    {
        ["SLACK_BOT_TOKEN"] = SlackToken,
        ["SLACK_CHANNEL"] = FakeSlackApi.ChannelName,
        ["SLACK_API_URL"] = slack.ApiBaseUrl.ToString(),
        ["GITHUB_TOKEN"] = GitHubToken,
        ["GITHUB_API_URL"] = gitHub.ApiBaseUrl.ToString(),
    };

    /// <summary>GitHub's pull_request "opened" delivery for the branch's head, signed as GitHub signs it.</summary>
    private static HttpRequestMessage SignedPullRequestOpened(string branch, string commit)
    {
        var repository = new JsonObject
        {
            ["full_name"] = "acme/failing-app",
            ["clone_url"] = "https://github.com/acme/failing-app.git",
            ["html_url"] = "https://github.com/acme/failing-app",
        };
        var body = new JsonObject
        {
            ["action"] = "opened",
            ["number"] = 7,
            ["pull_request"] = new JsonObject
            {
                ["number"] = 7,
                ["html_url"] = "https://github.com/acme/failing-app/pull/7",
                ["head"] = new JsonObject { ["ref"] = branch, ["sha"] = commit, ["repo"] = repository.DeepClone() },
            },
            ["repository"] = repository,
        }.ToJsonString();
        var signature = Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes(body)));
        var request = new HttpRequestMessage(HttpMethod.Post, "hooks/github") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-GitHub-Event", "pull_request");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", $"sha256={signature}");
        return request;
    }

    /// <summary>Waiting (0) comes before running (1), which comes before any end (2).</summary>
    private static int GitHubRank(PostedCommitStatus status) => status.State switch
    {
        "pending" when status.Description == "Waiting for earlier stages" => 0,
        "pending" => 1,
        _ => 2,
    };

    private static int SlackRank(string message, string stage) => StageLine().Matches(message)
        .Where(match => match.Groups["stage"].Value == stage)
        .Select(match => match.Groups["state"].Value switch
        {
            "pending" => 0,
            "running" => 1,
            _ => 2,
        })
        .Single();

    [GeneratedRegex(@"\*(?<stage>[a-z]+)\* (?<state>pending|running|succeeded|failed|skipped|cancelled)")]
    private static partial Regex StageLine();
}
