using System.Net;
using System.Net.Http.Headers;
using Slipway.Service.Execution;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Web;

/// <summary>
/// A fork's pull request waits on the forks page until someone with the service token trusts its head commit there;
/// then, and only for that commit, its PullRequest runs (with hooks and a playground) under the fork's own identity.
/// Deliveries are signed as GitHub signs them; the page is behind the token and refuses other sites' forms.
/// </summary>
public sealed class ForkTrustPageTests : IAsyncLifetime
{
    private const string Token = "qa-team-token-5b1e7c0d";
    private const string ForkCommit = "0d1a26e67d8f5eaf1f6ba5c57fc3c7d91ac0fd1c";
    private const string PushedCommit = "5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f";
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(options => options with { Token = Token });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Fact]
    public async Task ForkWaitingForTrust_IsListed_AndTrustingItsCommitRunsItsPullRequestUnderTheForksIdentity()
    {
        using var opened = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened-fork"));

        var page = await GetPageAsync();
        page.Should().Contain("acme/site #43").And.Contain("forker/site").And.Contain(ForkCommit).And.Contain("action=\"/forks/trust\"");

        using var trusted = await TrustAsync(ForkCommit);

        trusted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var run = (await _service.RunsAsync()).Should().ContainSingle().Subject;
        trusted.Headers.Location!.ToString().Should().Be($"/runs/{run.Id}");
        (run.Request.Pipeline, run.Request.Branch, run.Request.Commit).Should().Be((PipelineNames.PullRequest, "forker/site:main", ForkCommit));
        var pipeline = ForkCheckout.RequestOf(run.Request, run.Request.App!);
        (pipeline.Fork, pipeline.FetchRef).Should().Be(("forker/site", "refs/pull/43/head"));
        (await GetPageAsync()).Should().NotContain("id=\"forks\"").And.Contain("pull request waits.");
    }

    [Fact]
    public async Task APushAfterThePageWasRead_TrustForTheOlderCommitIsRefused_AndTheNewCommitWaits()
    {
        using var opened = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened-fork"));
        using var pushed = await _service.PostGitHubAsync("pull_request", Payloads.Read(
            "github-pull_request-opened-fork", ("\"action\": \"opened\"", "\"action\": \"synchronize\""), (ForkCommit, PushedCommit)));

        using var stale = await TrustAsync(ForkCommit);

        stale.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await stale.Content.ReadAsStringAsync()).Should()
            .Be($"Pull request #43 of acme/site has a newer commit ({PushedCommit}) than the one you trusted: look at it, then trust it on the forks page.");
        (await _service.RunsAsync()).Should().BeEmpty();
        (await GetPageAsync()).Should().Contain(PushedCommit).And.NotContain(ForkCommit);
    }

    [Fact]
    public async Task TrustPostedWithoutTheToken_OrFromAnotherSite_RunsNothing()
    {
        using var opened = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened-fork"));

        using var anonymous = await _service.Client.SendAsync(TrustRequest(ForkCommit, withToken: false));
        using var fromElsewhere = await _service.Client.SendAsync(TrustRequest(ForkCommit, withToken: true, origin: "https://evil.example"));

        anonymous.StatusCode.Should().BeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        fromElsewhere.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await _service.RunsAsync()).Should().BeEmpty();
        (await GetPageAsync()).Should().Contain(ForkCommit, "the fork still waits");
    }

    [Fact]
    public async Task TrustedByItsLabel_TheForkLeavesThePage()
    {
        using var opened = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-opened-fork"));

        using var labeled = await _service.PostGitHubAsync("pull_request", Payloads.Read("github-pull_request-labeled-fork"));

        labeled.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await GetPageAsync()).Should().NotContain("id=\"forks\"").And.Contain("pull request waits.");
    }

    private async Task<string> GetPageAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/forks");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await _service.Client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<HttpResponseMessage> TrustAsync(string commit) => _service.Client.SendAsync(TrustRequest(commit, withToken: true));

    private HttpRequestMessage TrustRequest(string commit, bool withToken, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/forks/trust")
        {
            Content = new FormUrlEncodedContent([new("repository", "acme/site"), new("number", "43"), new("commit", commit)]),
        };
        request.Headers.TryAddWithoutValidation("Origin", origin ?? _service.Host.Address.GetLeftPart(UriPartial.Authority));
        if (withToken)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        }

        return request;
    }
}
