using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Slipway.Pipeline.Tests.Fixtures;
using Slipway.Status.Tests.Endpoints;
using Xunit.Abstractions;

namespace Slipway.Pipeline.Tests.EndToEnd;

/// <summary>
/// What a reviewer sees of a pull request, from whole <c>./build.sh PullRequest</c> runs: the base branch's run first,
/// then the feature branch's against GitHub's check runs, then the same commit against Bitbucket's Code Insights —
/// annotated with exactly what the pull request introduced, the old findings and failing tests only counted.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class ReviewerChecksTests(EndToEndFixture fixture, ITestOutputHelper output)
{
    private const string GitHubToken = "ghs_e2eReviewerChecksInstallationToken";
    private const string SlackToken = "xoxb-e2e-reviewer-checks-slack-token";
    private const string BitbucketToken = "e2e-reviewer-checks-bitbucket-access-token";
    private static readonly string[] Stages = ["build", "test", "analysis", "playground"];

    [Fact]
    public async Task PullRequest_AfterItsBaseBranchRan_AnnotatesOnlyTheNewFailingTestAndFinding_OnGitHubAndBitbucket()
    {
        await using var gitHub = new FakeGitHubApi(GitHubToken, ["acme/reviewed-app"]);
        await using var slack = new FakeSlackApi(SlackToken);
        await using var bitbucket = FakeBitbucketApi.WithAccessToken(BitbucketToken, "acme/reviewed-app");
        var app = await ReviewedApp.CreateAsync(
            Path.Combine(fixture.WorkDirectory, "apps", "reviewed-app"),
            "https://github.com/acme/reviewed-app.git",
            fixture.NewBranch("develop"),
            fixture.NewBranch("feature-adder"));

        var baseRun = await PullRequestAsync(app, app.BaseBranch, new Dictionary<string, string>());
        var featureRun = await PullRequestAsync(app, app.FeatureBranch, GitHubSettings(gitHub, slack));
        ShowForTheDocs(gitHub, slack, app.FeatureCommit);

        baseRun.ExitCode.Should().Be(3, $"the base branch has a failing test of its own: {baseRun}");
        featureRun.ExitCode.Should().Be(3, $"failing tests are a red check, not a broken run: {featureRun}");
        featureRun.Output.Should().NotContain(GitHubToken).And.NotContain(SlackToken);
        ReportShouldMarkOnlyTheNewOnes(app, featureRun);
        var playgroundUrl = PlaygroundUrl().Match(featureRun.Output).Groups["url"].Value;
        playgroundUrl.Should().NotBeEmpty(featureRun.ToString());
        CheckRunsShouldAnnotateOnlyTheNewOnes(gitHub, app, playgroundUrl);

        await app.MoveOriginAsync("https://bitbucket.org/acme/reviewed-app.git");
        var onBitbucket = await PullRequestAsync(app, app.FeatureBranch, BitbucketSettings(bitbucket));

        onBitbucket.ExitCode.Should().Be(3, onBitbucket.ToString());
        onBitbucket.Output.Should().NotContain(BitbucketToken);
        ReportsShouldAnnotateOnlyTheNewOnes(bitbucket, app, PlaygroundUrl().Match(onBitbucket.Output).Groups["url"].Value);

        foreach (var branch in new[] { app.BaseBranch, app.FeatureBranch })
        {
            (await fixture.BuildScript.RunAsync("Teardown", "--app", app.Path, "--branch", branch)).ExitCode.Should().Be(0);
        }
    }

    private Task<BuildScriptResult> PullRequestAsync(ReviewedApp app, string branch, IReadOnlyDictionary<string, string> settings) =>
        fixture.BuildScript.RunAsync(["PullRequest", "--app", app.Path, "--branch", branch, "--base-branch", app.BaseBranch], settings);

    private static void ReportShouldMarkOnlyTheNewOnes(ReviewedApp app, BuildScriptResult run)
    {
        using var report = JsonDocument.Parse(File.ReadAllText(Path.Combine(EndToEndFixture.RunFolderIn(run), "report.json")));
        var root = report.RootElement;
        root.GetProperty("changes").GetProperty("baseFound").GetBoolean().Should().BeTrue("the base branch ran first");
        root.GetProperty("findings").EnumerateArray()
            .Select(finding => (finding.GetProperty("location").GetString(), finding.GetProperty("new").GetBoolean()))
            .Should().BeEquivalentTo(new[]
            {
                ($"{app.NewFinding.File}:{app.NewFinding.Line}", true),
                ($"{app.MovedFinding.File}:{app.MovedFinding.Line}", false),
                ("lib/legacy.php:10", false),
            });
        root.GetProperty("failures").EnumerateArray()
            .Select(test => (test.GetProperty("name").GetString(), test.GetProperty("new").GetBoolean()))
            .Should().BeEquivalentTo(new[] { (app.NewFailingTest.Name, true), ("testAddIsPlantedToFail", false) });
    }

    private static void CheckRunsShouldAnnotateOnlyTheNewOnes(FakeGitHubApi gitHub, ReviewedApp app, string playgroundUrl)
    {
        var created = gitHub.Server.Requests.Where(request => request.Method == "POST" && request.Path.EndsWith("/check-runs", StringComparison.Ordinal))
            .Select(request => request.Json!["name"]!.GetValue<string>());
        created.Should().BeEquivalentTo(Stages.Select(stage => $"slipway/{stage}"), "one check run per stage, each created once");
        gitHub.Statuses.Should().BeEmpty("an installation token gets check runs instead of commit statuses");

        var checks = gitHub.CheckRunsOn(app.FeatureCommit);
        checks.Values.Should().OnlyContain(check => check.Status == "completed");
        checks.ToDictionary(check => check.Key, check => check.Value.Conclusion).Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["slipway/build"] = "success",
            ["slipway/test"] = "failure",
            ["slipway/analysis"] = "failure",
            ["slipway/playground"] = "success",
        });
        checks.Values.Should().OnlyContain(check => check.DetailsUrl == playgroundUrl, "details lead to the playground");

        var test = checks["slipway/test"];
        test.Annotations.Select(annotation => (annotation.Path, annotation.Line, annotation.Level))
            .Should().Equal((app.NewFailingTest.File, app.NewFailingTest.Line, "failure"));
        gitHub.Server.Requests.Where(request => request.Path.EndsWith($"/check-runs/{test.Id}", StringComparison.Ordinal))
            .SelectMany(request => request.Json?["output"]?["annotations"] as JsonArray ?? [])
            .Should().ContainSingle().Which!["title"]!.GetValue<string>().Should().Contain(app.NewFailingTest.Name);
        test.Summary.Should().Contain("1 new failing tests (annotated on their lines), 1 old failing tests (counted, not annotated)");

        var analysis = checks["slipway/analysis"];
        analysis.Annotations.Select(annotation => (annotation.Path, annotation.Line))
            .Should().Equal([app.NewFinding], "the moved finding and the syntax error were on the base branch already");
        analysis.Summary.Should().Contain("1 new findings (annotated on their lines), 2 old findings (counted, not annotated)");
        checks["slipway/build"].Annotations.Should().BeEmpty();
    }

    private static void ReportsShouldAnnotateOnlyTheNewOnes(FakeBitbucketApi bitbucket, ReviewedApp app, string playgroundUrl)
    {
        var reports = bitbucket.ReportsOn(app.FeatureCommit);
        reports.ToDictionary(report => report.Key, report => report.Value.Result).Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["slipway-build"] = "PASSED",
            ["slipway-test"] = "FAILED",
            ["slipway-analysis"] = "FAILED",
            ["slipway-playground"] = "PASSED",
        });
        reports.Values.Should().OnlyContain(report => report.Link == playgroundUrl);
        reports["slipway-test"].Annotations.Select(annotation => (annotation.Path, annotation.Line, annotation.Level))
            .Should().Equal((app.NewFailingTest.File, app.NewFailingTest.Line, "HIGH"));
        reports["slipway-test"].Annotations[0].Message.Should().Contain(app.NewFailingTest.Name);
        reports["slipway-analysis"].Annotations.Select(annotation => (annotation.Path, annotation.Line)).Should().Equal(app.NewFinding);
        reports["slipway-analysis"].Details.Should().Contain("2 old findings");
        bitbucket.LatestByKey(app.FeatureCommit)["slipway/test"].State.Should().Be("FAILED", "merge checks read the build statuses");
    }

    /// <summary>The test check run's last request and the Slack message as the fakes received them, for docs/status.md.</summary>
    private void ShowForTheDocs(FakeGitHubApi gitHub, FakeSlackApi slack, string commit)
    {
        foreach (var (name, check) in gitHub.CheckRunsOn(commit))
        {
            var last = gitHub.Server.Requests.LastOrDefault(request => request.Path.EndsWith($"/check-runs/{check.Id}", StringComparison.Ordinal));
            if (last is null)
            {
                continue;
            }

            output.WriteLine($"{name}: {last.Method} {last.Path}");
            output.WriteLine(JsonNode.Parse(last.Body)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }

        output.WriteLine("Slack message:");
        output.WriteLine(slack.Calls.LastOrDefault(call => call.ThreadTs is null)?.AllText);
        foreach (var reply in slack.Calls.Where(call => call.ThreadTs is not null))
        {
            output.WriteLine($"Slack thread reply: {reply.AllText}");
        }
    }

    private static Dictionary<string, string> GitHubSettings(FakeGitHubApi gitHub, FakeSlackApi slack) => new()
    {
        ["GITHUB_TOKEN"] = GitHubToken,
        ["GITHUB_API_URL"] = gitHub.ApiBaseUrl.ToString(),
        ["SLACK_BOT_TOKEN"] = SlackToken,
        ["SLACK_CHANNEL"] = FakeSlackApi.ChannelName,
        ["SLACK_API_URL"] = slack.ApiBaseUrl.ToString(),
    };

    private static Dictionary<string, string> BitbucketSettings(FakeBitbucketApi bitbucket) => new()
    {
        ["BITBUCKET_ACCESS_TOKEN"] = BitbucketToken,
        ["BITBUCKET_API_URL"] = bitbucket.ApiBaseUrl.ToString(),
    };

    [GeneratedRegex(@"ready at (?<url>http://\S+)")]
    private static partial Regex PlaygroundUrl();
}
