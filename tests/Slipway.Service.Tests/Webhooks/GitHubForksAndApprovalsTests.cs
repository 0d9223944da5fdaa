using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Slipway.Service.Execution;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Service.Webhooks;
using Slipway.Status;

namespace Slipway.Service.Tests.Webhooks;

/// <summary>
/// GitHub pull requests as GitHub sends them from forks, with reviews and merges (issue 20): who a run belongs to and
/// what a delivery may start. Payloads: Payloads/github-*.json, shaped after GitHub's documented event bodies.
/// </summary>
public sealed class GitHubForksAndApprovalsTests : IAsyncLifetime
{
    private const string ForkCommit = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync();

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("opened")]
    [InlineData("reopened")]
    [InlineData("synchronize")]
    public async Task ForkPullRequestOpenedOrPushedTo_RunsNothingUntilSomeoneTrustsTheCommit(string action)
    {
        // synchronize: a push to a fork nobody trusted yet (after trust: PushToAForkAfterItWasTrusted_IsHeldAgain).
        using var response = await _service.PostGitHubAsync(
            "pull_request", Payloads.Read("github-pull_request-opened-fork", ("\"action\": \"opened\"", $"\"action\": \"{action}\"")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("ignored");
        body.GetProperty("reason").GetString().Should().Contain("fork 'forker/site'").And.Contain("slipway:trusted");
        (await _service.RunsAsync()).Should().BeEmpty("no hook, no build and no playground of a fork's code runs before it is trusted");
    }

    [Fact]
    public async Task PushToAForkAfterItWasTrusted_IsHeldAgain()
    {
        var trusted = await StoredRunAsync(await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-labeled-fork")));

        // The same pull request, still labelled, pushed to: the new commit is one nobody looked at.
        using var response = await _service.PostGitHubAsync("pull_request", Payloads.Read(
            "github-pull_request-labeled-fork",
            ("\"action\": \"labeled\"", "\"action\": \"synchronize\""),
            (ForkCommit, "7b3f9e2a1c4d5e6f708192a3b4c5d6e7f8091a2b")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("slipway:trusted");
        (await _service.RunsAsync()).Should().ContainSingle("only the trusted commit runs").Which.Id.Should().Be(trusted.Id);
    }

    [Fact]
    public async Task TrustedLabelOnAFork_RunsItsPullRequestUnderTheForksOwnIdentity_FromThePullRequestsRef()
    {
        using var response = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-labeled-fork"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await StoredRunAsync(response);
        run.Request.Pipeline.Should().Be(PipelineNames.PullRequest);
        run.Request.Branch.Should().Be("forker/site:main", "the fork's main is not upstream's main");
        run.Request.Commit.Should().Be(ForkCommit);
        var pipeline = ForkCheckout.RequestOf(run.Request, run.Request.App!);
        (pipeline.Branch, pipeline.Fork, pipeline.FetchRef, pipeline.FetchFrom).Should().Be(("main", "forker/site", "refs/pull/43/head", (string?)null));
    }

    [Fact]
    public async Task PullRequestOfADeletedFork_IsStillTheForksAndRunsNothing()
    {
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Payloads.Read("github-pull_request-opened-fork"))!;
        payload["pull_request"]!["head"]!["repo"] = null;

        using var response = await _service.PostGitHubAsync("pull_request", payload.ToJsonString());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("fork 'forker/site'");
        (await _service.RunsAsync()).Should().BeEmpty("head.ref 'main' must never build upstream's main");
    }

    [Fact]
    public async Task ForkWithUpstreamsBranchName_NeitherSupersedesNorTearsDownUpstreamsRun()
    {
        var upstream = await StoredRunAsync(await _service.PostGitHubAsync(
            "pull_request", Payloads.Read("github-pull_request-opened", ("\"ref\": \"feature/login\"", "\"ref\": \"main\""))));

        using var trusted = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-labeled-fork"));
        using var closed = await _service.PostGitHubAsync(
            "pull_request", Payloads.Read("github-pull_request-labeled-fork", ("\"action\": \"labeled\"", "\"action\": \"closed\"")));

        (await trusted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("superseded").GetArrayLength().Should().Be(0);
        closed.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var teardown = await StoredRunAsync(closed);
        teardown.Request.Pipeline.Should().Be(PipelineNames.Teardown);
        teardown.Request.Branch.Should().Be("forker/site:main");
        var stillThere = (await _service.Queue.FindAsync(upstream.Id, CancellationToken.None))!;
        stillThere.SupersededBy.Should().BeNull("neither the fork's run nor its teardown is upstream main's");
        stillThere.State.Should().NotBe(RunState.Superseded);
    }

    [Fact]
    public async Task ApprovalOfAFork_TrustsItsReviewedCommit_AndReleasesNothing()
    {
        using var response = await _service.PostGitHubAsync("pull_request_review", Payloads.Read("github-pull_request_review-submitted-fork"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await StoredRunAsync(response);
        run.Request.Pipeline.Should().Be(PipelineNames.PullRequest, "a fork's code is never tagged and pushed as a release");
        run.Request.Branch.Should().Be("forker/site:main");
        run.Request.Commit.Should().Be(ForkCommit);
    }

    [Theory]
    [InlineData("CONTRIBUTOR")]
    [InlineData("FIRST_TIME_CONTRIBUTOR")]
    [InlineData("NONE")]
    public async Task ApprovalBySomeoneWhoMayNotWrite_ReleasesNothing(string association)
    {
        var payload = Payloads.Read("github-pull_request_review-submitted", ("\"author_association\": \"MEMBER\"", $"\"author_association\": \"{association}\""));

        using var response = await _service.PostGitHubAsync("pull_request_review", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain(association);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SecondApprovalOfTheSameCommit_IsAnsweredWithTheFirstRelease()
    {
        var payload = Payloads.Read("github-pull_request_review-submitted");
        var first = await StoredRunAsync(await _service.PostGitHubAsync("pull_request_review", payload));

        using var second = await _service.PostGitHubAsync("pull_request_review", payload);

        second.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await second.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("duplicate");
        body.GetProperty("runId").GetString().Should().Be(first.Id);
        (await _service.RunsAsync()).Should().ContainSingle(run => run.Request.Pipeline == PipelineNames.Approved);
    }

    [Fact]
    public async Task ClosingAPullRequestFromALongLivedBranch_TearsNothingDown()
    {
        var payload = Payloads.Read("github-pull_request-closed", ("\"ref\": \"feature/login\"", "\"ref\": \"develop\""));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("long-lived");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ClosingAPullRequestFromTheRepositorysDefaultBranch_TearsNothingDown()
    {
        var payload = Payloads.Read(
            "github-pull_request-closed",
            ("\"ref\": \"feature/login\"", "\"ref\": \"trunk\""),
            ("\"default_branch\": \"main\"\n  },\n  \"organization\"", "\"default_branch\": \"trunk\"\n  },\n  \"organization\""));

        using var response = await _service.PostGitHubAsync("pull_request", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ReleaseOnMerge_MergedPullRequest_TearsDownItsBranchAndReleasesTheMergeCommit_AndApprovalsReleaseNothing()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with { ReleaseOn = ReleaseTrigger.Merge });
        using var approval = await service.PostGitHubAsync("pull_request_review", Payloads.Read("github-pull_request_review-submitted"));

        using var merged = await service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-closed-merged"));

        approval.StatusCode.Should().Be(HttpStatusCode.OK);
        merged.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var runs = await service.RunsAsync();
        runs.Select(run => (run.Request.Pipeline, run.Request.Branch, run.Request.Commit)).Should().Equal(
            (PipelineNames.Teardown, "feature/login", null),
            (PipelineNames.Approved, "main", "e5bd3914e2e596debea16f433f57875b5b90bcd6"));
    }

    [Fact]
    public async Task FormContentType_IsReadFromItsPayloadField_SignedOverTheFormBody()
    {
        var form = "payload=" + Uri.EscapeDataString(Payloads.Read("github-pull_request-opened"));
        var bytes = Encoding.ASCII.GetBytes(form);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/hooks/github") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
        request.Headers.Add("X-GitHub-Event", "pull_request");
        request.Headers.Add("X-GitHub-Delivery", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature-256", WebhookSignature.Sign(ServiceUnderTest.GitHubSecret, bytes));

        using var response = await _service.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        (await StoredRunAsync(response)).Request.Branch.Should().Be("feature/login");
    }

    [Fact]
    public async Task MissingSignature_SaysItIsMissing()
    {
        using var response = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened"), signature: "");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString();
        error.Should().Contain("no X-Hub-Signature-256 header").And.NotContain("does not match");
    }

    private async Task<QueuedRun> StoredRunAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (await _service.Queue.FindAsync(body.GetProperty("runId").GetString()!, CancellationToken.None))!;
    }
}
