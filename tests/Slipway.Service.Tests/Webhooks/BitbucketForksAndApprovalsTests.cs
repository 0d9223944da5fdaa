using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Execution;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Webhooks;

/// <summary>
/// Bitbucket Cloud pull requests as Bitbucket sends them (issue 20): edits that change no commit, forks, approvals by
/// whom, and pull requests between long-lived branches. Payloads: Payloads/bitbucket-*.json.
/// </summary>
public sealed class BitbucketForksAndApprovalsTests : IAsyncLifetime
{
    private const string Approver = "{aa0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d}";
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(options => options with
    {
        Apps = new Dictionary<string, string> { [ServiceUnderTest.PayloadRepository] = "https://bitbucket.org/acme/site.git" },
        BitbucketApprovers = [Approver],
    });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task UpdatedWithTheSameSourceCommit_StartsNothing_AndANewCommitStartsARun()
    {
        var created = Payloads.Read("bitbucket-pullrequest-created");
        using var first = await _service.PostBitbucketAsync("pullrequest:created", created);

        using var retitled = await _service.PostBitbucketAsync(
            "pullrequest:updated", Payloads.Read("bitbucket-pullrequest-created", ("\"title\": \"Search page filters\"", "\"title\": \"Search filters\"")));
        using var pushed = await _service.PostBitbucketAsync("pullrequest:updated", Payloads.Read("bitbucket-pullrequest-updated"));

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        retitled.StatusCode.Should().Be(HttpStatusCode.OK);
        (await retitled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("source commit");
        pushed.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _service.RunsAsync()).Select(run => run.Request.Commit).Should().Equal("9fceb02d0ae5", "4e1d2f3a5b6c");
    }

    [Fact]
    public async Task ForkPullRequestCreated_RunsNothingUntilAnApproverApprovesIt()
    {
        using var response = await _service.PostBitbucketAsync("pullrequest:created", Payloads.Read("bitbucket-pullrequest-created-fork"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("fork 'forker/site'");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ApproverApprovesAFork_ItsPullRequestRunsUnderItsOwnIdentity_FetchedFromTheFork()
    {
        using var response = await _service.PostBitbucketAsync("pullrequest:approved", Payloads.Read("bitbucket-pullrequest-approved-fork"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await StoredRunAsync(response);
        run.Request.Pipeline.Should().Be(PipelineNames.PullRequest, "a fork's commit is never released");
        run.Request.Branch.Should().Be("forker/site:main");
        run.Request.Commit.Should().Be("0d1a26e67d8f", "Bitbucket's 12-digit hash, which resolves once the fork's branch is fetched");
        var pipeline = ForkCheckout.RequestOf(run.Request, run.Request.App!);
        (pipeline.Branch, pipeline.Fork, pipeline.FetchRef, pipeline.FetchFrom).Should().Be(
            ("main", "forker/site", "refs/heads/main", "https://bitbucket.org/forker/site.git"));
    }

    [Fact]
    public async Task ApprovalByAnAccountNotListed_ReleasesNothing()
    {
        var payload = Payloads.Read("bitbucket-pullrequest-approved", (Approver, "{00000000-1111-2222-3333-444444444444}"));

        using var response = await _service.PostBitbucketAsync("pullrequest:approved", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("--bitbucket-approvers");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task SecondApprovalOfTheSameCommit_QueuesNoSecondRelease()
    {
        var payload = Payloads.Read("bitbucket-pullrequest-approved");
        using var first = await _service.PostBitbucketAsync("pullrequest:approved", payload);

        using var second = await _service.PostBitbucketAsync("pullrequest:approved", payload);

        (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("duplicate");
        (await _service.RunsAsync()).Should().ContainSingle();
    }

    [Fact]
    public async Task PullRequestFromMainIntoDevelopFulfilled_DoesNotTearDownMain()
    {
        var payload = Payloads.Read(
            "bitbucket-pullrequest-fulfilled",
            ("\"name\": \"main\"", "\"name\": \"develop\""),
            ("\"name\": \"feature/search\"", "\"name\": \"main\""));

        using var response = await _service.PostBitbucketAsync("pullrequest:fulfilled", payload);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should().Contain("long-lived");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ReleaseOnMerge_FulfilledPullRequest_ReleasesTheMergeCommitOnTheDestinationBranch()
    {
        await using var service = await ServiceUnderTest.StartAsync(options => options with
        {
            Apps = new Dictionary<string, string> { [ServiceUnderTest.PayloadRepository] = "https://bitbucket.org/acme/site.git" },
            ReleaseOn = ReleaseTrigger.Merge,
        });

        using var response = await service.PostBitbucketAsync("pullrequest:fulfilled", Payloads.Read("bitbucket-pullrequest-fulfilled"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await service.RunsAsync()).Select(run => (run.Request.Pipeline, run.Request.Branch, run.Request.Commit)).Should().Equal(
            (PipelineNames.Teardown, "feature/search", null),
            (PipelineNames.Approved, "main", "7b3c9d1e2f4a"));
    }

    private async Task<QueuedRun> StoredRunAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (await _service.Queue.FindAsync(body.GetProperty("runId").GetString()!, CancellationToken.None))!;
    }
}
