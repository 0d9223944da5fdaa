using System.Text.RegularExpressions;
using Slipway.Pipeline.Tests.Deploy;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Status.Tests.Endpoints;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// A team that makes slipway/test a required check: ./build.sh PullRequest on an app with planted failing tests,
/// GitHub and Slack pointed at endpoints built from their API docs (GITHUB_API_URL, SLACK_API_URL).
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class RedCheckTests(EndToEndFixture fixture)
{
    private static readonly string[] Stages = ["build", "test", "analysis", "playground"];

    [Fact]
    public async Task PullRequest_WithFailingTests_PostsARedTestCheckAndAGreenPlayground_InOrder_AndExitsWithThree()
    {
        const string slackToken = "xoxb-e2e-red-check-slack-token";
        const string gitHubToken = "ghp_e2eRedCheckGitHubToken";
        await using var slack = new FakeSlackApi(slackToken);
        await using var gitHub = new FakeGitHubApi(gitHubToken, ["acme/failing-app"]);
        var app = await AppRepository.CreateAsync(Path.Combine(fixture.WorkDirectory, "apps", "failing-app"), "docs: readme", withRemote: false);
        FolderCopy.Copy(RepositoryRoot.Combine("tests", "fixtures", "failing-app"), app.Path);
        var commit = await app.CommitAsync("test: planted failures");
        await IsolatedGit.RunAsync(app.Path, "remote", "add", "origin", "https://github.com/acme/failing-app.git");
        var branch = fixture.NewBranch("e2e-red");
        await IsolatedGit.RunAsync(app.Path, "branch", branch);
        var environment = new Dictionary<string, string>
        {
            ["SLACK_BOT_TOKEN"] = slackToken,
            ["SLACK_CHANNEL"] = FakeSlackApi.ChannelName,
            ["SLACK_API_URL"] = slack.ApiBaseUrl.ToString(),
            ["GITHUB_TOKEN"] = gitHubToken,
            ["GITHUB_API_URL"] = gitHub.ApiBaseUrl.ToString(),
        };

        var run = await fixture.BuildScript.RunAsync(["PullRequest", "--app", app.Path, "--branch", branch], environment);

        run.ExitCode.Should().Be(3, $"failing tests are a red check, not a broken run: {run}");
        run.Output.Should().MatchRegex(@"Test\s+CheckFailed\s+\S+\s+2 passed, 1 failed");
        run.Output.Should().Contain("Build ran to its end with failed checks (exit code 3)");
        run.Output.Should().NotContain(slackToken).And.NotContain(gitHubToken);

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
        var playgroundUrl = Regex.Match(run.Output, @"ready at (?<url>http://\S+)").Groups["url"].Value;
        latest["slipway/playground"].TargetUrl.Should().Be(playgroundUrl);
        foreach (var context in Stages.Select(stage => $"slipway/{stage}"))
        {
            gitHub.Statuses.Where(status => status.Context == context).Select(GitHubRank)
                .Should().BeInAscendingOrder($"{context} must never move from a later state to an earlier one");
        }

        var messages = slack.Calls.Where(call => call.ThreadTs is null).ToList();
        messages.Should().ContainSingle(call => call.Method == "chat.postMessage", "one Slack message per run");
        foreach (var stage in Stages)
        {
            messages.Select(call => SlackRank(call.AllText, stage))
                .Should().BeInAscendingOrder($"Slack's {stage} line must never move from a later state to an earlier one");
        }

        var final = messages[^1].AllText;
        final.Should().Contain(":x: failing-app · PullRequest: test and analysis failed");
        final.Should().Contain(":x: *test* failed · 2 passed, 1 failed");
        final.Should().Contain(":white_check_mark: *playground* succeeded");
        slack.Calls.Should().ContainSingle(call => call.ThreadTs != null)
            .Which.AllText.Should().Contain("testAddIsPlantedToFail").And.Contain("tests/CalculatorTest.php:24");

        (await fixture.BuildScript.RunAsync("Teardown", "--app", app.Path, "--branch", branch)).ExitCode.Should().Be(0);
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
