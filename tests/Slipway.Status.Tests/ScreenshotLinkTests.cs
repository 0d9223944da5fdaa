using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

/// <summary>
/// A failing browser test's screenshot as a link where people read the failures: the Slack thread (read back as Slack
/// reads mrkdwn) and the test check on GitHub; no link at all when the run has no address for its screenshots.
/// </summary>
public sealed class ScreenshotLinkTests
{
    private const string TestFile = "tests/src/LoginTest.php";

    // On the service: its public address, the run's page and the file's name.
    private static readonly ScreenshotLink OnService = new("testCase01.png", new Uri("https://slipway.example.com/runs/17/screenshots/testCase01.png"));

    // A presigned store address: its query joins parameters with '&', which Slack wants escaped.
    private static readonly ScreenshotLink Unmatched = new(
        "checkout-step-3.png", new Uri("https://store.example.com/runs/17/checkout-step-3.png?X-Amz-Expires=604800&X-Amz-Signature=ab12")) { Signed = true };

    // The failing test's screenshot as a presigned store address, for a run without a page on the service.
    private static readonly ScreenshotLink InBucket = new(
        "testCase01.png", new Uri("https://store.example.com/runs/17/testCase01.png?X-Amz-Expires=604800&X-Amz-Signature=cd34")) { Signed = true };

    [Fact]
    public async Task The_failing_test_with_a_screenshot_links_it_in_the_thread_and_the_other_screenshots_follow()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var run = new PullRequestRun();
        var reporter = world.CreateReporter(SlackSettings(slack));

        await reporter.RunStartedAsync(run.First, CancellationToken.None);
        await reporter.RunFinishedAsync(WithScreenshots(run.Final), CancellationToken.None);

        world.Warnings.Should().BeEmpty("Slack took every call");
        var reply = slack.Calls.Single(call => call.ThreadTs is not null);
        reply.Links.Should().Equal(
            (OnService.Url.AbsoluteUri, "testCase01.png"),
            (Unmatched.Url.AbsoluteUri, "checkout-step-3.png"));
        reply.AllText.Should().Contain("*LoginTest::testCase01*: Failed asserting case 1. · :camera: <https://slipway.example.com/runs/17/screenshots/testCase01.png|testCase01.png>")
            .And.Contain("X-Amz-Expires=604800&amp;X-Amz-Signature=ab12|checkout-step-3.png>", "Slack reads '&' in a link back from &amp;");
        reply.AllText.Should().NotContain("*LoginTest::testCase02*: Failed asserting case 2. ·", "testCase02 has no screenshot");
    }

    [Fact]
    public async Task A_run_without_an_address_for_its_screenshots_links_none()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();

        await new PullRequestRun().PlayAsync(world.CreateReporter(SlackSettings(slack)));

        var reply = slack.Calls.Single(call => call.ThreadTs is not null);
        reply.Links.Should().BeEmpty();
        reply.AllText.Should().NotContain(".png").And.NotContain("*Screenshots*").And.NotContain("127.0.0.1");
    }

    [Fact]
    public async Task The_test_check_of_a_run_whose_screenshots_are_in_a_bucket_shows_no_presigned_link()
    {
        var check = await TestCheckAsync(InBucket, [InBucket, Unmatched]);

        check.Annotations.Should().Contain(new PostedAnnotation(TestFile, 101, "failure", "Failed asserting case 1."), "a public repository's checks are readable by anyone");
        check.Summary.Should().NotContain("store.example.com").And.NotContain("Screenshots of failing browser steps");
    }

    [Fact]
    public async Task The_test_check_annotates_the_failing_test_with_its_screenshot_and_lists_the_screenshots_on_the_service()
    {
        var check = await TestCheckAsync(OnService, [OnService, Unmatched]);

        check.Annotations.Should().Contain(new PostedAnnotation(
            TestFile, 101, "failure", $"Failed asserting case 1.\nScreenshot: {OnService.Url.AbsoluteUri}"));
        check.Annotations.Should().Contain(new PostedAnnotation(TestFile, 102, "failure", "Failed asserting case 2."));
        check.Summary.Should().Contain(
            $"Screenshots of failing browser steps:\n- [testCase01.png]({OnService.Url.AbsoluteUri})\n\n").And.NotContain(Unmatched.Url.Host);
    }

    // The first failing test has its screenshot; the second screenshot belongs to no failing test shown.
    private static RunStatus WithScreenshots(RunStatus status) => WithScreenshots(status, OnService, [OnService, Unmatched]);

    // The slipway/test check run posted for a finished run with these screenshots.
    private static async Task<FakeGitHubApi.CheckRun> TestCheckAsync(ScreenshotLink first, IReadOnlyList<ScreenshotLink> all)
    {
        await using var world = new ReportingFixture();
        var gitHub = world.StartGitHubForApp();
        var run = new PullRequestRun();
        var reporter = world.CreateReporter(new StatusSettings { GitHubToken = TestSecrets.GitHubAppToken, GitHubApiBaseUrl = gitHub.ApiBaseUrl });

        await reporter.RunStartedAsync(run.First, CancellationToken.None);
        await reporter.RunFinishedAsync(WithScreenshots(run.Final, first, all), CancellationToken.None);

        return gitHub.CheckRunsOn(PullRequestRun.Sha)["slipway/test"];
    }

    private static RunStatus WithScreenshots(RunStatus status, ScreenshotLink first, IReadOnlyList<ScreenshotLink> all) => status with
    {
        FailingTests = status.FailingTests
            .Select((item, index) => item with
            {
                File = TestFile,
                Line = 101 + index,
                Screenshot = index == 0 ? first : null,
            })
            .ToList(),
        Screenshots = all,
    };

    private static StatusSettings SlackSettings(FakeSlackApi slack) => new()
    {
        SlackBotToken = TestSecrets.SlackBotToken,
        SlackChannel = FakeSlackApi.ChannelName,
        SlackApiBaseUrl = slack.ApiBaseUrl,
    };
}
