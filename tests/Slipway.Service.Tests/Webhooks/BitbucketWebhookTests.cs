using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Slipway.Service.Queue;
using Slipway.Service.Tests.Fixtures;
using Slipway.Status;

namespace Slipway.Service.Tests.Webhooks;

public sealed class BitbucketWebhookTests : IAsyncLifetime
{
    private ServiceUnderTest _service = null!;

    public async Task InitializeAsync() => _service = await ServiceUnderTest.StartAsync(
        options => options with
        {
            Apps = new Dictionary<string, string> { [ServiceUnderTest.PayloadRepository] = "https://bitbucket.org/acme/site.git" },
            // The approver of bitbucket-pullrequest-approved.json.
            BitbucketApprovers = ["{aa0b1c2d-3e4f-5a6b-7c8d-9e0f1a2b3c4d}"],
        });

    public async Task DisposeAsync() => await _service.DisposeAsync();

    [Theory]
    [InlineData("pullrequest:created", "bitbucket-pullrequest-created", PipelineNames.PullRequest, "9fceb02d0ae5")]
    [InlineData("pullrequest:updated", "bitbucket-pullrequest-updated", PipelineNames.PullRequest, "4e1d2f3a5b6c")]
    [InlineData("pullrequest:approved", "bitbucket-pullrequest-approved", PipelineNames.Approved, "9fceb02d0ae5")]
    [InlineData("pullrequest:fulfilled", "bitbucket-pullrequest-fulfilled", PipelineNames.Teardown, null)]
    [InlineData("pullrequest:rejected", "bitbucket-pullrequest-fulfilled", PipelineNames.Teardown, null)]
    public async Task PullRequestEvents_QueueTheirPipeline(string eventKey, string payload, string pipeline, string? commit)
    {
        using var response = await _service.PostBitbucketAsync(eventKey, Payloads.Read(payload));

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var run = (await _service.Queue.FindAsync(body.GetProperty("runId").GetString()!, CancellationToken.None))!;
        run.Request.Should().BeEquivalentTo(new RunRequest(
            pipeline, "site", "https://bitbucket.org/acme/site.git", "feature/search", commit, "acme/site", 7,
            "https://bitbucket.org/acme/site/pull-requests/7", RunTriggers.Bitbucket, run.Request.DeliveryId) { BaseBranch = "main" });
        // A release is keyed by its commit, so that a second approval cannot release it again.
        run.Request.DeliveryId.Should().StartWith(pipeline == PipelineNames.Approved ? "release:site:" : "bitbucket:");
    }

    [Theory]
    [InlineData("repo:push", "bitbucket-repo-push")]
    [InlineData("pullrequest:comment_created", "bitbucket-pullrequest-created")]
    [InlineData("pullrequest:unapproved", "bitbucket-pullrequest-approved")]
    public async Task OtherEvents_AreAnsweredAndIgnored(string eventKey, string payload)
    {
        using var response = await _service.PostBitbucketAsync(eventKey, Payloads.Read(payload));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().Should().Be("ignored");
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task BadSignature_IsRefusedWith401AndStoresNothing()
    {
        var payload = Payloads.Read("bitbucket-pullrequest-created");
        var forged = Slipway.Service.Webhooks.WebhookSignature.Sign(ServiceUnderTest.GitHubSecret, System.Text.Encoding.UTF8.GetBytes(payload));

        using var response = await _service.PostBitbucketAsync("pullrequest:created", payload, signature: forged);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task TamperedPayload_IsRefusedWith401()
    {
        var payload = Payloads.Read("bitbucket-pullrequest-created");
        var signature = Slipway.Service.Webhooks.WebhookSignature.Sign(ServiceUnderTest.BitbucketSecret, System.Text.Encoding.UTF8.GetBytes(payload));

        using var response = await _service.PostBitbucketAsync("pullrequest:created", payload.Replace("feature/search", "main"), signature: signature);

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task MalformedJson_IsRefusedWith400AndStoresNothing()
    {
        using var response = await _service.PostBitbucketAsync("pullrequest:created", "<html>not json</html>");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _service.RunsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task RepeatedRequestUuid_IsAcceptedOnce()
    {
        var payload = Payloads.Read("bitbucket-pullrequest-created");
        var requestId = Guid.NewGuid().ToString();

        using var first = await _service.PostBitbucketAsync("pullrequest:created", payload, requestId);
        using var second = await _service.PostBitbucketAsync("pullrequest:created", payload, requestId);

        first.StatusCode.Should().Be(HttpStatusCode.Accepted);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        (await _service.RunsAsync()).Should().ContainSingle();
    }
}
