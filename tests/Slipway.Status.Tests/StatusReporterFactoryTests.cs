using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class StatusReporterFactoryTests
{
    [Fact]
    public void NoSlackSettings_ReportsToTheConsole()
    {
        var reporter = Create(new StatusSettings());

        reporter.Reporters.Select(r => r.Name).Should().Equal("Console");
    }

    [Fact]
    public void BotTokenAndChannel_ReportToSlackAndATokenAddsCommitStatuses()
    {
        var reporter = Create(new StatusSettings
        {
            SlackBotToken = TestSecrets.SlackBotToken,
            SlackChannel = "#ci",
            GitHubToken = TestSecrets.GitHubToken,
        });

        reporter.Reporters.Select(r => r.Name).Should().Equal("Slack", "Commit status");
    }

    [Fact]
    public void WebhookOnly_ReportsToTheWebhook()
    {
        var reporter = Create(new StatusSettings { SlackWebhookUrl = "https://hooks.slack.com" + TestSecrets.WebhookPath });

        reporter.Reporters.Select(r => r.Name).Should().Equal("Slack webhook");
    }

    [Fact]
    public void ChannelWithoutToken_WarnsThatStatusGoesToTheConsole()
    {
        var warnings = new List<string>();

        var reporter = StatusReporterFactory.Create(new StatusSettings { SlackChannel = "#ci" }, new StringWriter(), warnings.Add);

        reporter.Reporters.Select(r => r.Name).Should().Equal("Console");
        warnings.Should().ContainSingle().Which.Should().Contain("SLACK_BOT_TOKEN is not");
    }

    [Theory]
    [InlineData("channel", "SLACK_CHANNEL is not set")]
    [InlineData("webhook", "SLACK_WEBHOOK_URL is not an http(s) URL")]
    [InlineData("app password", "BITBUCKET_APP_PASSWORD is not set")]
    [InlineData("username", "BITBUCKET_USERNAME is not set")]
    public void IncompleteSettings_SayWhichSettingToFix(string missing, string message)
    {
        var settings = missing switch
        {
            "channel" => new StatusSettings { SlackBotToken = TestSecrets.SlackBotToken },
            "webhook" => new StatusSettings { SlackWebhookUrl = "hooks.slack.com" + TestSecrets.WebhookPath },
            "app password" => new StatusSettings { BitbucketUsername = TestSecrets.BitbucketUsername },
            _ => new StatusSettings { BitbucketAppPassword = TestSecrets.BitbucketAppPassword },
        };

        var create = () => Create(settings);

        var thrown = create.Should().Throw<StatusReportingException>().Which;
        thrown.Message.Should().StartWith(message);
        foreach (var secret in TestSecrets.All)
        {
            thrown.Message.Should().NotContain(secret);
        }
    }

    [Fact]
    public void FromEnvironment_ReadsTheDocumentedVariables()
    {
        var environment = new Dictionary<string, string>
        {
            ["SLACK_BOT_TOKEN"] = TestSecrets.SlackBotToken,
            ["SLACK_CHANNEL"] = "C0CIBUILDS",
            ["GITHUB_TOKEN"] = TestSecrets.GitHubToken,
            ["BITBUCKET_ACCESS_TOKEN"] = TestSecrets.BitbucketAccessToken,
            ["SLIPWAY_VCS_PROVIDER"] = "github",
            ["SLIPWAY_REPOSITORY"] = "acme/site",
            ["GITHUB_API_URL"] = "https://ghe.example.com/api/v3",
        };

        var settings = StatusSettings.FromEnvironment(name => environment.GetValueOrDefault(name));

        settings.Should().BeEquivalentTo(new
        {
            SlackBotToken = TestSecrets.SlackBotToken,
            SlackChannel = "C0CIBUILDS",
            GitHubToken = TestSecrets.GitHubToken,
            BitbucketAccessToken = TestSecrets.BitbucketAccessToken,
            VcsProvider = VcsProvider.GitHub,
            Repository = "acme/site",
            GitHubApiBaseUrl = new Uri("https://ghe.example.com/api/v3"),
        });
    }

    [Fact]
    public void FromEnvironment_UnknownProvider_SaysWhatToSet()
    {
        var read = () => StatusSettings.FromEnvironment(name => name == "SLIPWAY_VCS_PROVIDER" ? "gitlab" : null);

        read.Should().Throw<StatusReportingException>().WithMessage("SLIPWAY_VCS_PROVIDER is 'gitlab'; set it to GitHub or Bitbucket.");
    }

    private static CompositeStatusReporter Create(StatusSettings settings) =>
        StatusReporterFactory.Create(settings, new StringWriter(), _ => { });
}
