using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class SlackWebhookStatusReporterTests
{
    [Fact]
    public async Task FullRun_PostsOneMessageWhenTheRunEndsWithTheFailuresInIt()
    {
        await using var world = new ReportingFixture();
        var webhook = world.StartSlackWebhook();
        var reporter = world.CreateReporter(new StatusSettings { SlackWebhookUrl = webhook.WebhookUrl.AbsoluteUri });
        var run = new PullRequestRun();

        await run.PlayAsync(reporter, run.StepCount - 1);
        webhook.Messages.Should().BeEmpty("a webhook cannot update a message, so it posts only the final one");
        await reporter.RunFinishedAsync(run.Final, CancellationToken.None);

        var message = new SlackCall("webhook", webhook.Messages.Single(), "", DateTimeOffset.UtcNow);
        message.AllText.Should().Contain("drupal-site PullRequest on feature/login (0123456): test and analysis failed")
            .And.Contain(":x: *test* failed")
            .And.Contain("*LoginTest::testCase10*")
            .And.NotContain("testCase11")
            .And.Contain("+3 more");
        world.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task WebhookGone_WarnsToCheckTheSettingWithoutShowingTheUrl()
    {
        await using var world = new ReportingFixture();
        var webhook = world.StartSlackWebhook();
        var wrongUrl = new Uri(webhook.Server.BaseUrl, TestSecrets.WebhookPath.TrimStart('/') + "x");

        await new PullRequestRun().PlayAsync(world.CreateReporter(new StatusSettings { SlackWebhookUrl = wrongUrl.AbsoluteUri }));

        world.Warnings.Should().ContainSingle().Which.Should()
            .Contain("HTTP 404 \"no_service\"").And.Contain("check SLACK_WEBHOOK_URL").And.NotContain(webhook.Server.BaseUrl.Authority);
    }

    [Fact]
    public async Task WebhookUnreachable_DoesNotFailTheRun()
    {
        await using var world = new ReportingFixture();
        var url = new Uri(LoopbackHttpServer.ClosedPortUrl(), TestSecrets.WebhookPath.TrimStart('/'));

        var play = () => new PullRequestRun().PlayAsync(world.CreateReporter(new StatusSettings { SlackWebhookUrl = url.AbsoluteUri }));

        await play.Should().NotThrowAsync();
        world.Warnings.Should().ContainSingle().Which.Should().Contain("Slack webhook could not be reached");
    }
}
