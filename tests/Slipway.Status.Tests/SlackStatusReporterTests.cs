using System.Text.Json.Nodes;
using Slipway.Status.Tests.Endpoints;
using Slipway.Status.Tests.Fixtures;

namespace Slipway.Status.Tests;

public sealed class SlackStatusReporterTests
{
    [Fact]
    public async Task FullRun_PostsOneMessageAndUpdatesItToTheFinalState()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var run = new PullRequestRun();

        await run.PlayAsync(world.CreateReporter(SettingsFor(slack)));

        var topLevel = slack.Calls.Where(call => call.ThreadTs is null).ToList();
        topLevel.Should().NotBeEmpty();
        topLevel[0].Method.Should().Be("chat.postMessage", "the message is posted before it is updated");
        topLevel.Count(call => call.Method == "chat.postMessage").Should().Be(1, "a run keeps one message");
        var ts = topLevel[0].Ts;
        topLevel.Skip(1).Should().OnlyContain(call => call.Method == "chat.update" && call.Ts == ts && call.Channel == FakeSlackApi.ChannelId);
        topLevel.Count.Should().BeGreaterThan(run.StepCount / 2, "the message follows the stages as they start and finish");

        var final = new SlackCall("final", slack.Messages[ts], ts, DateTimeOffset.UtcNow);
        final.Payload["text"]!.GetValue<string>().Should().Be("drupal-site PullRequest on feature/login (0123456): test and analysis failed");
        final.AllText.Should().Contain(":white_check_mark: *build* succeeded")
            .And.Contain(":x: *test* failed · 105 passed, 13 failed")
            .And.Contain(":x: *analysis* failed")
            .And.Contain(":white_check_mark: *playground* succeeded")
            .And.Contain("*Tests* 105 passed, 13 failed, 0 errors, 2 skipped")
            .And.Contain("*Findings* 2 errors, 8 warnings, 2 notices")
            .And.Contain("`feature/login`")
            .And.Contain("`0123456`")
            .And.Contain("<https://github.com/acme/drupal-site/pull/42|#42>")
            .And.Contain("took 6m 12s");
        PlaygroundButtonUrl(final.Payload).Should().Be(PullRequestRun.PlaygroundUrl.AbsoluteUri);
    }

    [Fact]
    public async Task FullRunWithFailures_RepliesOnceInTheThreadWithTheFirstTenAndHowManyMore()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();

        await new PullRequestRun().PlayAsync(world.CreateReporter(SettingsFor(slack)));

        var calls = slack.Calls;
        var replies = calls.Where(call => call.ThreadTs is not null).ToList();
        replies.Should().ContainSingle();
        var reply = replies[0];
        reply.ThreadTs.Should().Be(calls[0].Ts);
        reply.Channel.Should().Be(FakeSlackApi.ChannelId);
        calls[^1].Should().BeSameAs(reply, "the failures follow the message's final state");
        for (var index = 1; index <= 10; index++)
        {
            reply.AllText.Should().Contain($"`tests/src/LoginTest.php:{100 + index}` *LoginTest::testCase{index:00}*: Failed asserting case {index}.");
        }

        reply.AllText.Should().NotContain("testCase11").And.Contain("+3 more");
        reply.AllText.Should().Contain("`web/modules/custom/login/src/File10.php:100` *Generic.Rule10*")
            .And.NotContain("Generic.Rule11")
            .And.Contain("+2 more");
    }

    [Fact]
    public async Task RunWithoutFailures_PostsNoThreadReply()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var reporter = world.CreateReporter(SettingsFor(slack));
        var start = new PullRequestRun().First;

        await reporter.RunStartedAsync(start, CancellationToken.None);
        await reporter.RunFinishedAsync(
            start with
            {
                Stages = start.Stages.Select(stage => stage with { State = StageState.Succeeded }).ToList(),
                FinishedAt = start.StartedAt.AddMinutes(3),
            },
            CancellationToken.None);

        slack.Calls.Should().HaveCount(2).And.OnlyContain(call => call.ThreadTs == null);
        slack.Calls[1].AllText.Should().Contain("drupal-site · PullRequest: succeeded");
    }

    [Fact]
    public async Task UnchangedSnapshot_IsNotSentAgain()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var reporter = world.CreateReporter(SettingsFor(slack));
        var start = new PullRequestRun().First;

        await reporter.RunStartedAsync(start, CancellationToken.None);
        await reporter.StageChangedAsync(start, CancellationToken.None);

        slack.Server.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task StartNotTaken_TheNextChangePostsTheRunsOnlyMessage()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        slack.Server.AnswerNext(3, HttpAnswer.ServerError(503));
        var run = new PullRequestRun();

        await run.PlayAsync(world.CreateReporter(SettingsFor(slack)), count: 3);

        slack.Server.Requests.Take(3).Should().OnlyContain(request => request.Path == "/api/chat.postMessage", "5xx answers are retried");
        slack.Calls.Count(call => call.Method == "chat.postMessage").Should().Be(1);
        slack.Calls.Should().HaveCount(2, "the second change updates the message the first change posted");
        world.Warnings.Should().ContainSingle().Which.Should().Contain("HTTP 503 after 3 attempts");
    }

    [Fact]
    public async Task RateLimited_RetriesTheUpdateAfterTheRetryAfterDelay()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var reporter = world.CreateReporter(SettingsFor(slack));
        var run = new PullRequestRun();
        await run.PlayAsync(reporter, count: 1);
        slack.Server.AnswerNext(1, HttpAnswer.TooManyRequests(retryAfterSeconds: 1), request => request.Path == "/api/chat.update");

        await reporter.StageChangedAsync(run.After(2), CancellationToken.None);

        var updates = slack.Server.Requests.Where(request => request.Path == "/api/chat.update").ToList();
        updates.Should().HaveCount(2);
        (updates[1].ReceivedAt - updates[0].ReceivedAt).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(950));
        slack.Calls.Should().Contain(call => call.Method == "chat.update");
        world.Warnings.Should().BeEmpty();
    }

    [Fact]
    public async Task RateLimited_LongerThanAllowed_SkipsThatUpdateAndTheNextOneCatchesUp()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var reporter = world.CreateReporter(SettingsFor(slack));
        var run = new PullRequestRun();
        await run.PlayAsync(reporter, count: 1);
        slack.Server.AnswerNext(1, HttpAnswer.TooManyRequests(retryAfterSeconds: 120), request => request.Path == "/api/chat.update");

        await reporter.StageChangedAsync(run.After(2), CancellationToken.None);
        await reporter.StageChangedAsync(run.After(3), CancellationToken.None);

        slack.Server.Requests.Count(request => request.Path == "/api/chat.update").Should().Be(2, "the skipped update is not retried");
        world.Warnings.Should().ContainSingle().Which.Should().Contain("rate-limited").And.Contain("120 s");
        new SlackCall("final", slack.Messages.Values.Single(), "", DateTimeOffset.UtcNow).AllText
            .Should().Contain(":hourglass_flowing_sand: *test* running");
    }

    [Theory]
    [InlineData("ratelimited")]
    [InlineData("channel_not_found")]
    public async Task OkFalseAnswer_IsReportedAsAWarning(string error)
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        slack.Server.AnswerNext(1, HttpAnswer.Json(200, new JsonObject { ["ok"] = false, ["error"] = error }));

        await new PullRequestRun().PlayAsync(world.CreateReporter(SettingsFor(slack)), count: 1);

        slack.Calls.Should().BeEmpty();
        world.Warnings.Should().ContainSingle().Which.Should().Contain($"Slack refused chat.postMessage with \"{error}\"");
    }

    [Fact]
    public async Task WrongToken_WarnsToCheckTheTokenWithoutShowingIt()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack(acceptedToken: "xoxb-the-right-one");

        await new PullRequestRun().PlayAsync(world.CreateReporter(SettingsFor(slack)));

        slack.Calls.Should().BeEmpty();
        world.Warnings.Should().ContainSingle().Which.Should().Contain("invalid_auth").And.Contain("check SLACK_BOT_TOKEN");
    }

    [Fact]
    public async Task SlackRefusingConnections_DoesNotFailTheRunAndWarnsOncePerRun()
    {
        await using var world = new ReportingFixture();
        var reporter = world.CreateReporter(new StatusSettings
        {
            SlackBotToken = TestSecrets.SlackBotToken,
            SlackChannel = FakeSlackApi.ChannelName,
            SlackApiBaseUrl = new Uri(LoopbackHttpServer.ClosedPortUrl(), "api/"),
        });

        var firstRun = () => new PullRequestRun("run-1").PlayAsync(reporter);
        await firstRun.Should().NotThrowAsync();
        await new PullRequestRun("run-2").PlayAsync(reporter);

        world.Warnings.Should().HaveCount(2, "each run warns once");
        world.Warnings.Should().AllSatisfy(warning => warning.Should().Contain("Slack could not be reached").And.Contain("refused"));
        world.Warnings[0].Should().Contain("run run-1");
        world.Warnings[1].Should().Contain("run run-2");
    }

    [Fact]
    public async Task SlackAnsweringServerErrors_RetriesEachCallThenWarnsOnce()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        slack.Server.AnswerNext(1000, HttpAnswer.ServerError());
        var run = new PullRequestRun();

        await run.PlayAsync(world.CreateReporter(SettingsFor(slack)));

        slack.Server.Requests.Should().HaveCount(3 * run.StepCount, "every call is tried once and retried twice");
        world.Warnings.Should().ContainSingle().Which.Should().Contain("HTTP 500 after 3 attempts");
    }

    [Fact]
    public async Task SupersededRun_ShowsItOnceThenLeavesTheMessageAndPostsNoFailures()
    {
        await using var world = new ReportingFixture();
        var slack = world.StartSlack();
        var reporter = world.CreateReporter(SettingsFor(slack));
        var run = new PullRequestRun();
        await run.PlayAsync(reporter, count: 3);
        var superseded = run.After(3).WithStage(new StageStatus(StageNames.Test, StageState.Cancelled)) with { Superseded = true };

        await reporter.StageChangedAsync(superseded, CancellationToken.None);
        await reporter.RunFinishedAsync(superseded with { FinishedAt = superseded.StartedAt.AddMinutes(2) }, CancellationToken.None);

        slack.Calls.Should().HaveCount(4, "the first three steps, then the superseded state once");
        slack.Calls[^1].AllText.Should().Contain("Superseded by a newer push").And.Contain(":no_entry_sign: *test* cancelled");
        slack.Calls.Should().OnlyContain(call => call.ThreadTs == null);
    }

    private static StatusSettings SettingsFor(FakeSlackApi slack) => new()
    {
        SlackBotToken = TestSecrets.SlackBotToken,
        SlackChannel = FakeSlackApi.ChannelName,
        SlackApiBaseUrl = slack.ApiBaseUrl,
    };

    private static string? PlaygroundButtonUrl(JsonObject payload) =>
        payload["blocks"]!.AsArray()
            .OfType<JsonObject>()
            .Where(block => block["type"]!.GetValue<string>() == "actions")
            .SelectMany(block => block["elements"]!.AsArray().OfType<JsonObject>())
            .Select(element => element["url"]?.GetValue<string>())
            .SingleOrDefault();
}
