using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;
using Slipway.Status.Bitbucket;

namespace Slipway.Service.Tests.Webhooks;

/// <summary>
/// Bitbucket's <c>pullrequest:approved</c> says nothing of what the approver may do: Slipway asks Bitbucket's API (a
/// loopback fake that answers like it) and only write or admin counts; an API that cannot answer refuses the approval.
/// </summary>
public sealed class BitbucketApprovalPermissionTests : IAsyncLifetime
{
    private const string Token = "bb-access-token-41c9e2";
    private const string Approver = "{aa0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d}";
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private FakeBitbucketPermissions _bitbucket = null!;
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync()
    {
        _bitbucket = new FakeBitbucketPermissions(Token);
        var lookup = new BitbucketPermissionLookup(_http, _bitbucket.BaseUrl, new AuthenticationHeaderValue("Bearer", Token));
        _service = await ServiceUnderTest.StartAsync(
            options => options with { Apps = new Dictionary<string, string> { [ServiceUnderTest.PayloadRepository] = "https://bitbucket.org/acme/site.git" } },
            bitbucketPermissions: lookup);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _bitbucket.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task ApproverWhoMayWrite_ReleasesTheCommit_AfterBitbucketSaidSo()
    {
        _bitbucket.Grant(ServiceUnderTest.PayloadRepository, Approver, "write");

        using var response = await _service.PostBitbucketAsync("pullrequest:approved", Payloads.Read("bitbucket-pullrequest-approved"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await _service.RunsAsync()).Should().ContainSingle().Which.Request.Pipeline.Should().Be(PipelineNames.Approved);
        _bitbucket.Requests.Should().ContainSingle().Which.Should()
            .StartWith("/2.0/workspaces/acme/permissions/repositories/site?q=").And.Contain(Uri.EscapeDataString(Approver));
    }

    [Fact]
    public async Task ApproverWhoMayOnlyRead_StartsNothing_AndTheAnswerSaysWhy()
    {
        _bitbucket.Grant(ServiceUnderTest.PayloadRepository, Approver, "read");

        using var response = await _service.PostBitbucketAsync("pullrequest:approved", Payloads.Read("bitbucket-pullrequest-approved"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should()
            .Be("the approval by 'Ben Lead' counts for nothing: Bitbucket says their permission on 'acme/site' is read, and only write or admin counts");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task AdminPermissionOnALaterPage_IsFound_AndTrustsAForksPullRequest()
    {
        _bitbucket.Grant(ServiceUnderTest.PayloadRepository, Approver, "read").Grant(ServiceUnderTest.PayloadRepository, Approver, "admin");

        using var response = await _service.PostBitbucketAsync("pullrequest:approved", Payloads.Read("bitbucket-pullrequest-approved-fork"));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = (await _service.RunsAsync()).Should().ContainSingle().Subject;
        (run.Request.Pipeline, run.Request.Branch).Should().Be((PipelineNames.PullRequest, "forker/site:main"));
        _bitbucket.Requests.Should().HaveCount(2, "the second page, named by 'next', holds the admin permission");
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task BitbucketCannotAnswer_TheApprovalIsRefusedWithASentence_NeverTakenAsAllowed(HttpStatusCode failure)
    {
        _bitbucket.Grant(ServiceUnderTest.PayloadRepository, Approver, "admin");
        _bitbucket.FailWith = failure;

        using var response = await _service.PostBitbucketAsync("pullrequest:approved", Payloads.Read("bitbucket-pullrequest-approved"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should()
            .StartWith("the approval by 'Ben Lead' counts for nothing: Slipway could not ask Bitbucket whether they may write.")
            .And.Contain($"Bitbucket answered {(int)failure}, \"Something went wrong.\"")
            .And.Contain("BITBUCKET_ACCESS_TOKEN");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task BitbucketThatDoesNotAnswerInTime_TheApprovalIsRefusedWithASentence()
    {
        _bitbucket.Grant(ServiceUnderTest.PayloadRepository, Approver, "admin");
        _bitbucket.Stalls = true;
        _http.Timeout = TimeSpan.FromSeconds(2);

        using var response = await _service.PostBitbucketAsync("pullrequest:approved", Payloads.Read("bitbucket-pullrequest-approved"));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().Should()
            .StartWith("the approval by 'Ben Lead' counts for nothing: Slipway could not ask Bitbucket whether they may write.")
            .And.Contain("did not answer who may write to acme/site in time");
        (await _service.RunsAsync()).Should().BeEmpty();
    }
}
