using System.Text.Json.Nodes;
using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

/// <summary>
/// Every failure path with every kind of credential set, and everything it produced checked for secrets
/// (the fixture checks all captured output when it is disposed; these tests make each path happen).
/// </summary>
public sealed class SecretsStayOutOfOutputTests
{
    [Fact]
    public void SettingsToString_SaysWhichSecretsAreSetWithoutThem()
    {
        var text = AllSecretsSettings(slackApi: null, gitHubApi: null, bitbucketApi: null).ToString();

        text.Should().Contain("Slack bot token (set)").And.Contain("GitHub token (set)").And.Contain("Bitbucket access token (set)");
        foreach (var secret in TestSecrets.All)
        {
            text.Should().NotContain(secret);
        }
    }

    [Fact]
    public void RunStatusToString_LeavesOutTheRemoteAndItsCredentials()
    {
        var status = new PullRequestRun(remote: $"https://deploy:{TestSecrets.RemoteCredential}@github.com/acme/drupal-site.git").First;

        status.ToString().Should().Be("Run run-1 (PullRequest) of drupal-site on feature/login at 0123456");
    }

    [Fact]
    public async Task EveryServiceRefusingTheCredentials_WarnsWithoutAnySecret()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack(acceptedToken: "xoxb-another");
        var gitHub = new FakeGitHubApi("ghp_another", ["acme/drupal-site"]);
        await using var gitHubServer = gitHub;
        var bitbucket = FakeBitbucketApi.WithAccessToken("another", "acme/drupal-site");
        await using var bitbucketServer = bitbucket;
        var settings = AllSecretsSettings(slack.ApiBaseUrl, gitHub.ApiBaseUrl, bitbucket.ApiBaseUrl);
        world.Capture(settings.ToString());

        var reporter = world.CreateReporter(settings);
        await new PullRequestRun(remote: $"https://deploy:{TestSecrets.RemoteCredential}@github.com/acme/drupal-site.git").PlayAsync(reporter);
        await new PullRequestRun("run-2", remote: $"https://deploy:{TestSecrets.RemoteCredential}@bitbucket.org/acme/drupal-site.git").PlayAsync(reporter);

        world.Warnings.Should().HaveCount(5, "Slack, commit statuses and Bitbucket's Code Insights reports each warn once per run");
    }

    [Fact]
    public async Task UnreachableServicesAndWebhook_WarnWithoutAnySecret()
    {
        await using var world = new ReportingFixture();
        var closed = LoopbackHttpServer.ClosedPortUrl();
        var settings = new StatusSettings
        {
            SlackWebhookUrl = new Uri(closed, TestSecrets.WebhookPath.TrimStart('/')).AbsoluteUri,
            BitbucketUsername = TestSecrets.BitbucketUsername,
            BitbucketAppPassword = TestSecrets.BitbucketAppPassword,
            BitbucketApiBaseUrl = closed,
        };
        world.Capture(settings.ToString());

        await new PullRequestRun(remote: "git@bitbucket.org:acme/drupal-site.git").PlayAsync(world.CreateReporter(settings));

        world.Warnings.Should().HaveCount(3, "the Slack webhook, the build statuses and the Code Insights reports each warn once");
    }

    [Fact]
    public async Task ConsoleReporter_WithACredentialedRemote_PrintsNoSecret()
    {
        await using var world = new ReportingFixture();

        await new PullRequestRun(remote: $"https://deploy:{TestSecrets.RemoteCredential}@github.com/acme/drupal-site.git")
            .PlayAsync(world.CreateReporter(new StatusSettings()));

        world.Console.ToString().Should().Contain("drupal-site PullRequest on feature/login: test and analysis failed");
    }

    [Fact]
    public async Task ServiceEchoingTheTokenInItsError_HasItScrubbedFromTheWarning()
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHub();
        gitHub.Server.AnswerNext(1, HttpAnswer.Json(401, new JsonObject { ["message"] = $"Bad credentials: {TestSecrets.GitHubToken}" }));

        await new PullRequestRun().PlayAsync(
            world.CreateReporter(new StatusSettings { GitHubToken = TestSecrets.GitHubToken, GitHubApiBaseUrl = gitHub.ApiBaseUrl }),
            count: 1);

        world.Warnings.Should().ContainSingle().Which.Should().Contain("Bad credentials: ***");
    }

    private static StatusSettings AllSecretsSettings(Uri? slackApi, Uri? gitHubApi, Uri? bitbucketApi) => new()
    {
        SlackBotToken = TestSecrets.SlackBotToken,
        SlackChannel = FakeSlackApi.ChannelName,
        SlackWebhookUrl = "https://hooks.slack.com" + TestSecrets.WebhookPath,
        GitHubToken = TestSecrets.GitHubToken,
        BitbucketUsername = TestSecrets.BitbucketUsername,
        BitbucketAppPassword = TestSecrets.BitbucketAppPassword,
        BitbucketAccessToken = TestSecrets.BitbucketAccessToken,
        SlackApiBaseUrl = slackApi,
        GitHubApiBaseUrl = gitHubApi,
        BitbucketApiBaseUrl = bitbucketApi,
    };
}
